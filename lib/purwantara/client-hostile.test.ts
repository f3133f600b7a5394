import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { maxGatewayResponseBytes } from "./bounded-body";
import { PurwantaraClient } from "./client";
import { PurwantaraError } from "./errors";

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A local HTTP server for one test file; `seen` lists the paths it was asked for. */
function localServer(handler: Handler) {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url} ${request.headers.authorization ?? ""}`);
    handler(request, response);
  });
  let origin = "";
  beforeAll(async () => {
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, "close");
  });
  return { seen, origin: () => origin };
}

// The server a redirect points at: it must never hear from the client.
const target = localServer((_request, response) => {
  response.writeHead(200, { "Content-Type": "application/json" });
  response.end(JSON.stringify({ success: true, data: { stolen: true } }));
});

const redirector = localServer((request, response) => {
  const status = Number(new URL(request.url ?? "/", "http://x").searchParams.get("status"));
  response.writeHead(status || 302, { Location: `${target.origin()}/v1/list` });
  response.end();
});

const secretPage = "<html>internal admin page: db password hunter2</html>";
const odd = localServer((request, response) => {
  if (request.url?.startsWith("/v1/huge")) {
    response.writeHead(200, { "Content-Type": "application/json" });
    // No Content-Length: the client has to count.
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    for (let i = 0; i < 40; i++) response.write(chunk);
    response.end("{}");
    return;
  }
  const status = request.url?.startsWith("/v1/error-page") ? 502 : 200;
  response.writeHead(status, { "Content-Type": "text/html" });
  response.end(secretPage);
});

const client = (origin: string) =>
  new PurwantaraClient({ baseUrl: `${origin}/v1/`, token: "the-token", timeoutMs: 5000 });

async function failure(promise: Promise<unknown>): Promise<PurwantaraError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PurwantaraError);
  return error as PurwantaraError;
}

describe("PurwantaraClient against a hostile or broken server", () => {
  it("never follows a redirect: a gateway error, and the other server hears nothing", async () => {
    for (const status of [301, 302, 303, 307, 308]) {
      const get = await failure(
        client(redirector.origin()).get(`list?status=${status}`, z.unknown()),
      );
      expect(get).toMatchObject({ kind: "gateway", httpStatus: status, responseBody: null });
      expect(get.message).toMatch(/unexpected redirect/);
      const post = await failure(
        client(redirector.origin()).post(`create?status=${status}`, z.unknown(), { amount: 1 }),
      );
      expect(post).toMatchObject({ kind: "gateway", httpStatus: status, outcomeUnknown: true });
    }
    expect(redirector.seen).toHaveLength(10);
    expect(target.seen).toEqual([]);
  });

  it("stops reading an answer past the size limit", async () => {
    const error = await failure(client(odd.origin()).get("huge", z.unknown()));
    expect(error).toMatchObject({ kind: "invalid_response", httpStatus: 200, responseBody: null });
    expect(error.message).toMatch(new RegExp(`more than ${maxGatewayResponseBytes} bytes`));
  });

  it("keeps no text of an answer that is not JSON, whatever its status", async () => {
    const ok = await failure(client(odd.origin()).get("page", z.unknown()));
    expect(ok).toMatchObject({ kind: "invalid_response", httpStatus: 200, responseBody: null });
    const failed = await failure(client(odd.origin()).get("error-page", z.unknown()));
    expect(failed).toMatchObject({ kind: "gateway", httpStatus: 502, responseBody: null });
    for (const error of [ok, failed]) expect(JSON.stringify(error)).not.toMatch(/hunter2/);
    expect(`${ok.message} ${failed.message}`).not.toMatch(/hunter2|html/);
  });
});
