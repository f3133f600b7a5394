import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { createAccount } from "./support/accounts";
import { signIn } from "./support/pages";

// The app as `npm start` serves a production build (playwright.config.ts).

// The bench's baselines run on the bench's own server (bench/baseline-server.ts), never in the app.
test("the bench's baseline route is absent from a production build", async ({ request }) => {
  const answer = await request.post("/api/bench/one-statement", {
    headers: { "Content-Type": "application/json", Signature: "0".repeat(64) },
    data: { uuid: "bench", status: "PAID" },
  });
  expect(answer.status()).toBe(404);
});

test("over http://127.0.0.1 the session cookie keeps its plain name and works", async ({
  page,
  context,
}) => {
  await signIn(page, await createAccount("operator"));
  const names = (await context.cookies()).map((c) => c.name);
  expect(names).toContain("authjs.session-token");
  expect(names.filter((n) => n.startsWith("__Secure-") || n.startsWith("__Host-"))).toEqual([]);
  const session = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  expect(session).toMatchObject({ httpOnly: true, path: "/", sameSite: "Lax" });
});

test("a request whose headers never finish is cut with a 408 within the 10 s headers timeout", async ({
  baseURL,
}) => {
  test.setTimeout(30_000);
  const { hostname, port } = new URL(baseURL!);
  const started = Date.now();
  const answer = await new Promise<string>((resolve, reject) => {
    let text = "";
    const socket = net.connect(Number(port), hostname, () =>
      socket.write(`GET /api/health HTTP/1.1\r\nHost: ${hostname}:${port}\r\nX-Slow: `),
    );
    socket.on("data", (chunk) => (text += chunk.toString("latin1")));
    socket.on("error", reject);
    socket.on("close", () => resolve(text));
  });
  const seconds = (Date.now() - started) / 1000;
  expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  expect(seconds).toBeGreaterThanOrEqual(9);
  expect(seconds).toBeLessThan(13);
});

test("npm start without APP_URL exits at once, naming the variable", async () => {
  test.setTimeout(60_000);
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(APP_URL|PURWANTARA_)/.test(name)),
  );
  const app = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: "postgres://nobody@127.0.0.1:9/none",
      AUTH_SECRET: randomBytes(32).toString("hex"),
      SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      JOBS: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  app.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  app.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => app.once("exit", resolve));
  expect(code).toBe(1);
  expect(output).toContain("APP_URL: required in production");
});
