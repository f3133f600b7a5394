import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/purwantara/route";
import { localCallbackSecret } from "@purwantara/contract";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { probeCallbackAddress, runCallbackSelfTest } from "./callback-self-test";

const db = withTestDatabase();

/** The callback route behind a real node:http server on a loopback port. */
function routeServer(): http.Server {
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string") headers.set(name, value);
      }
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers,
        body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
      });
      void POST(request).then(async (response) => {
        res.writeHead(response.status, { "content-type": "application/json" });
        res.end(Buffer.from(await response.arrayBuffer()));
      });
    });
  });
}

async function listen(server: http.Server | https.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

const stored = async () =>
  (
    await queryTestDb<{ n: string }>(
      db.url(),
      `select (select count(*) from callback_inbox) + (select count(*) from webhook_deliveries)
            + (select count(*) from transactions) as n`,
    )
  )[0]!.n;

describe("the callback self-test through the app's public address", () => {
  const servers: (http.Server | https.Server)[] = [];
  let port = 0;
  const url = () => `http://127.0.0.1:${port}/api/webhooks/purwantara`;

  beforeAll(async () => {
    const server = routeServer();
    servers.push(server);
    port = await listen(server);
    // APP_URL is read once, on the first request: the self-test's only target.
    process.env.APP_URL = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  });

  it("is accepted over plain http with its answer time, and stores nothing", async () => {
    const report = await runCallbackSelfTest("local");
    expect(report).toMatchObject({
      url: url(),
      mode: "local",
      verdict: "accepted",
      failedAt: null,
      tls: { kind: "plain" },
      httpStatus: 200,
      answeredMode: "local",
    });
    expect(report.addresses).toContain("127.0.0.1");
    expect(report.latencyMs).toEqual(expect.any(Number));
    expect(await stored(), "no inbox row, delivery or payment").toBe("0");
  });

  it("says when the signature is refused, or matched another mode's secret", async () => {
    const wrong = await probeCallbackAddress({ url: url(), mode: "local", secret: "not-it" });
    expect(wrong).toMatchObject({ verdict: "rejected_signature", httpStatus: 401 });
    // Signed with the local secret but sent as sandbox's: the app matches it to local.
    const other = await probeCallbackAddress({
      url: url(),
      mode: "sandbox",
      secret: localCallbackSecret,
    });
    expect(other).toMatchObject({ verdict: "wrong_mode", answeredMode: "local" });
    expect(await stored()).toBe("0");
  });

  it("names the step that failed: the name, the connection", async () => {
    const closed = http.createServer();
    const closedPort = await listen(closed);
    await new Promise((r) => closed.close(r));
    const noConnect = await probeCallbackAddress({
      url: `http://127.0.0.1:${closedPort}/api/webhooks/purwantara`,
      mode: "local",
      secret: localCallbackSecret,
    });
    expect(noConnect).toMatchObject({
      verdict: "unreachable",
      failedAt: "connect",
      errorCode: "ECONNREFUSED",
    });
    const noName = await probeCallbackAddress({
      url: "http://callback.example.invalid/api/webhooks/purwantara",
      mode: "local",
      secret: localCallbackSecret,
    });
    expect(noName).toMatchObject({ verdict: "unreachable", failedAt: "dns" });
  });

  it("refuses a certificate it cannot trust, and follows no redirect", async () => {
    const dir = mkdtempSync(join(tmpdir(), "self-test-tls-"));
    execFileSync(
      "openssl",
      [
        ...[
          "req",
          "-x509",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-days",
          "1",
          "-subj",
          "/CN=127.0.0.1",
        ],
        ...["-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")],
      ],
      { stdio: "ignore" },
    );
    const tlsServer = https.createServer(
      { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) },
      (_req, res) => res.end("{}"),
    );
    rmSync(dir, { recursive: true, force: true });
    servers.push(tlsServer);
    const tlsPort = await listen(tlsServer);
    const selfSigned = await probeCallbackAddress({
      url: `https://127.0.0.1:${tlsPort}/api/webhooks/purwantara`,
      mode: "local",
      secret: localCallbackSecret,
    });
    expect(selfSigned).toMatchObject({
      verdict: "unreachable",
      failedAt: "tls",
      tls: { kind: "invalid" },
    });

    let redirected = 0;
    const mover = http.createServer((req, res) => {
      if (req.url === "/elsewhere") redirected += 1;
      res.writeHead(308, { Location: "/elsewhere" }).end();
    });
    servers.push(mover);
    const moverPort = await listen(mover);
    const moved = await probeCallbackAddress({
      url: `http://127.0.0.1:${moverPort}/api/webhooks/purwantara`,
      mode: "local",
      secret: localCallbackSecret,
    });
    expect(moved).toMatchObject({ verdict: "unexpected", httpStatus: 308 });
    expect(redirected, "the redirect was not followed").toBe(0);
  });
});
