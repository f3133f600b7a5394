import net from "node:net";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createAppServer, listenAddress, serverTimeouts } from "@/scripts/app-server.mjs";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A server as `npm start` makes it, with short timeouts; its handler reads the whole body. */
async function serve(
  timeouts = { requestTimeoutMs: 600, headersTimeoutMs: 400, checkEveryMs: 50 },
) {
  const server = createAppServer(
    (request, response) => {
      request.resume();
      request.on("end", () => response.end("read it all"));
    },
    { ...serverTimeouts, ...timeouts },
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** Writes `text` and then nothing; resolves with what came back and when the socket closed. */
function trickle(port: number, text: string): Promise<{ answer: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let answer = "";
    const socket = net.connect(port, "127.0.0.1", () => socket.write(text));
    socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
    socket.on("error", reject);
    socket.on("close", () => resolve({ answer, closedAfterMs: performance.now() - started }));
  });
}

describe("the production server's timeouts (scripts/app-server.mjs)", () => {
  it("cuts a request whose headers never finish, with a 408", async () => {
    const port = await serve();
    const { answer, closedAfterMs } = await trickle(port, "POST / HTTP/1.1\r\nHost: x\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfterMs).toBeGreaterThanOrEqual(350);
    expect(closedAfterMs).toBeLessThan(3000);
  });

  it("cuts a request whose body stalls, with a 408, and the handler never finishes it", async () => {
    const port = await serve();
    const head = "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n";
    const { answer, closedAfterMs } = await trickle(port, `${head}only ten b`);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).not.toContain("read it all");
    expect(closedAfterMs).toBeGreaterThanOrEqual(550);
    expect(closedAfterMs).toBeLessThan(3000);
  });

  it("answers a whole request as usual", async () => {
    const port = await serve();
    const response = await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: "hello" });
    expect(await response.text()).toBe("read it all");
  });

  it("uses 15 s / 10 s and listens on loopback unless BIND_ADDRESS says otherwise", () => {
    expect(serverTimeouts).toMatchObject({ requestTimeoutMs: 15_000, headersTimeoutMs: 10_000 });
    expect(listenAddress({})).toEqual({ host: "127.0.0.1", port: 3000 });
    expect(listenAddress({ BIND_ADDRESS: "0.0.0.0", PORT: "8080" })).toEqual({
      host: "0.0.0.0",
      port: 8080,
    });
    expect(() => listenAddress({ PORT: "http" })).toThrow(/PORT/);
  });
});
