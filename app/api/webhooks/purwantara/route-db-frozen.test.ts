import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callbackBody, callbackRequest } from "@/testing/callbacks";

// A "database" that accepts connections and never says a word, like a frozen server.
const sockets = new Set<net.Socket>();
const frozen = net.createServer((socket) => {
  sockets.add(socket);
  socket.on("error", () => undefined);
});

beforeAll(async () => {
  await new Promise<void>((resolve) => frozen.listen(0, "127.0.0.1", resolve));
  const { port } = frozen.address() as net.AddressInfo;
  process.env.DATABASE_URL = `postgres://postgres@127.0.0.1:${port}/purwantara`;
  process.env.AUTH_SECRET = "x".repeat(32);
});

afterAll(() => {
  for (const socket of sockets) socket.destroy();
  frozen.close();
});

describe("POST /api/webhooks/purwantara with a frozen database", () => {
  it("answers 503 within 2 s, more requests than the pool has connections included", async () => {
    const { POST } = await import("./route");
    const timed = async () => {
      const started = performance.now();
      const response = await POST(callbackRequest(callbackBody({ status: "PAID" })));
      return { status: response.status, ms: performance.now() - started };
    };
    const answers = await Promise.all(Array.from({ length: 12 }, timed));
    // The stuck connections do not hold the pool: the next request is answered in time too.
    answers.push(await timed());
    expect(answers.map((a) => a.status)).toEqual(Array(13).fill(503));
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(2000);
  });

  it("answers an unsigned request 401 within 2 s", async () => {
    const { POST } = await import("./route");
    const started = performance.now();
    const response = await POST(callbackRequest(callbackBody({}), { signature: null }));
    expect(response.status).toBe(401);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
