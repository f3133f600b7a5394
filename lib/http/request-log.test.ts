import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log";
import { installRequestLog, loggedPath, requestIdFrom } from "./request-log";

const lines: Record<string, unknown>[] = [];
const logger = createLogger({
  level: "info",
  destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
});

let server: http.Server;
let base = "";

beforeAll(async () => {
  installRequestLog(logger.child({ component: "http" }));
  // Stands for a route handler: it sees the id on its request and logs a line of its own.
  server = http.createServer((request, response) => {
    setTimeout(() => {
      logger.info({ seen: request.headers["x-request-id"] }, "handler");
      response.statusCode = request.url?.startsWith("/missing") ? 404 : 200;
      response.end("ok");
    }, 5);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function linesOf(requestId: string) {
  // The request line is written when the response closes, just after the client has it.
  await new Promise((resolve) => setTimeout(resolve, 20));
  return lines.filter((line) => line.requestId === requestId);
}

describe("the request log", () => {
  it("gives a request an id, returns it, and puts it on every line the request causes", async () => {
    const response = await fetch(
      `${base}/transactions/7b0c2d4e-1f3a-4b5c-8d9e-0a1b2c3d4e5f?q=sari@example.com`,
    );
    const id = response.headers.get("x-request-id") ?? "";
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const own = await linesOf(id);
    expect(own.map((l) => l.msg)).toEqual(["handler", "request"]);
    expect(own[0]).toMatchObject({ seen: id });
    expect(own[1]).toMatchObject({
      component: "http",
      method: "GET",
      path: "/transactions/:id",
      status: 200,
    });
    expect(Number(own[1]?.ms)).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(own)).not.toContain("sari@example.com");
  });

  it("keeps a proxy's request id and replaces one that is not an id", async () => {
    const kept = await fetch(`${base}/missing`, {
      headers: { "x-request-id": "nginx-0123456789abcdef" },
    });
    expect(kept.headers.get("x-request-id")).toBe("nginx-0123456789abcdef");
    expect((await linesOf("nginx-0123456789abcdef")).at(-1)).toMatchObject({ status: 404 });
    const replaced = await fetch(`${base}/`, {
      headers: { "x-request-id": "<script>alert(1)</script>" },
    });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("what is logged of a request", () => {
  it("never the query string, an id or an invitation token", () => {
    expect(loggedPath("/invite/Zx9_long-secret-token?next=/")).toBe("/invite/:token");
    expect(loggedPath("/api/transactions?search=Sari")).toBe("/api/transactions");
    expect(loggedPath("/audit/42")).toBe("/audit/:n");
    expect(requestIdFrom(["abcdefgh-1", "x"])).toBe("abcdefgh-1");
    expect(requestIdFrom("short")).not.toBe("short");
  });
});
