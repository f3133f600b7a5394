import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createAppServer, drainServer, shutdownGraceMs } from "@/scripts/app-server.mjs";

const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.closeAllConnections();
});

/** A server whose answers wait until `release()`; resolves once a request is in the handler. */
async function heldServer() {
  let release = () => {};
  let arrived = () => {};
  const inHandler = new Promise<void>((resolve) => (arrived = resolve));
  const server = createAppServer((_request, response) => {
    arrived();
    release = () => response.end("finished");
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { server, port, inHandler, release: () => release() };
}

function get(port: number): Promise<{ status: number; body: string; connection?: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/", agent: false }, (response) => {
        let body = "";
        response.on("data", (c: Buffer) => (body += c.toString()));
        response.on("end", () =>
          resolve({ status: response.statusCode!, body, connection: response.headers.connection }),
        );
      })
      .once("error", reject);
  });
}

describe("a graceful stop of the production server (scripts/app-server.mjs)", () => {
  it("stops taking connections at once and lets the request in flight finish", async () => {
    const { server, port, inHandler, release } = await heldServer();
    const inFlight = get(port);
    await inHandler;
    const drained = drainServer(server, 10_000);
    await expect(get(port)).rejects.toMatchObject({ code: "ECONNREFUSED" });
    release();
    expect(await inFlight).toMatchObject({ status: 200, body: "finished" });
    expect(await drained).toBe(true);
  });

  it("cuts what is still in flight when the grace is over, and says so", async () => {
    const { server, port, inHandler } = await heldServer();
    const inFlight = get(port).catch((error: NodeJS.ErrnoException) => error.code);
    await inHandler;
    expect(await drainServer(server, 200)).toBe(false);
    expect(await inFlight).toBe("ECONNRESET");
  });

  it("reads SHUTDOWN_GRACE_SECONDS, default 20 s, and refuses nonsense", () => {
    expect(shutdownGraceMs({})).toBe(20_000);
    expect(shutdownGraceMs({ SHUTDOWN_GRACE_SECONDS: "5" })).toBe(5_000);
    expect(() => shutdownGraceMs({ SHUTDOWN_GRACE_SECONDS: "soon" })).toThrow(/SHUTDOWN_GRACE/);
  });
});
