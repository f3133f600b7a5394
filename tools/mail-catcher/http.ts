import type { IncomingMessage, ServerResponse } from "node:http";
import { listPage, messagePage } from "./page";
import type { Refusals } from "./smtp";
import type { CaughtMessage, MailStore } from "./store";

/** A message as the JSON API lists it (no bodies). */
export function summary(m: CaughtMessage) {
  return {
    id: m.id,
    receivedAt: m.receivedAt,
    from: m.from,
    to: m.to,
    subject: m.subject,
    attachments: m.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
    })),
  };
}

/** A message with its text and HTML parts, headers and envelope. */
export function detail(m: CaughtMessage) {
  return { ...summary(m), envelope: m.envelope, headers: m.headers, text: m.text, html: m.html };
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(body);
}
const json = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, "application/json; charset=utf-8", JSON.stringify(value));

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  const value: unknown = text ? JSON.parse(text) : {};
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

/**
 * The catcher's HTTP side: a page to read mail, and a JSON API for tests.
 *   GET    /api/messages[?to=address]        newest first, without bodies
 *   GET    /api/messages/:id                 one message with text, html, headers
 *   GET    /api/messages/:id/html | /raw     the HTML part (sandboxed) | the raw bytes
 *   GET    /api/messages/:id/attachments/:n  one attachment's bytes
 *   DELETE /api/messages                     forget every message
 *   POST   /api/refusals {to,count,code,message}  refuse the next messages to `to`
 *   DELETE /api/refusals                     drop every refusal rule
 */
export function createHttpHandler(store: MailStore, refusals: Refusals, smtp: () => string) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://catcher.local");
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    const method = req.method ?? "GET";
    try {
      if (url.pathname === "/health") return json(res, 200, { ok: true, smtp: smtp() });
      if (url.pathname === "/" && method === "GET") {
        const to = url.searchParams.get("to") ?? undefined;
        return send(res, 200, "text/html; charset=utf-8", listPage(store.list({ to }), smtp(), to));
      }
      if (parts[0] === "messages" && parts[1] && method === "GET") {
        const m = store.get(parts[1]);
        if (!m) return send(res, 404, "text/plain", "No such message");
        return send(res, 200, "text/html; charset=utf-8", messagePage(m, smtp()));
      }
      if (parts[0] !== "api") return send(res, 404, "text/plain", "Not found");
      if (parts[1] === "refusals") {
        if (method === "DELETE") {
          refusals.clear();
          return json(res, 200, { ok: true });
        }
        if (method !== "POST") return json(res, 405, { error: "POST or DELETE" });
        const body = await readJson(req);
        const to = typeof body.to === "string" ? body.to : "*";
        const count = Number(body.count ?? 1);
        const code = Number(body.code ?? 550);
        const message = typeof body.message === "string" ? body.message : "Mailbox unavailable";
        if (!Number.isInteger(count) || !Number.isInteger(code) || code < 400 || code > 599)
          return json(res, 400, { error: "count: integer; code: 400–599" });
        refusals.add({ to, count, code, message });
        return json(res, 200, { ok: true });
      }
      if (parts[1] !== "messages") return json(res, 404, { error: "not found" });
      if (!parts[2]) {
        if (method === "DELETE") {
          store.clear();
          return json(res, 200, { ok: true });
        }
        const to = url.searchParams.get("to") ?? undefined;
        return json(res, 200, store.list({ to }).map(summary));
      }
      const m = store.get(parts[2]);
      if (!m) return json(res, 404, { error: "no such message" });
      if (!parts[3]) return json(res, 200, detail(m));
      if (parts[3] === "raw") return send(res, 200, "message/rfc822", m.raw);
      if (parts[3] === "html") {
        // Shown in a sandboxed frame: no script of a message ever runs here.
        res.setHeader(
          "content-security-policy",
          "sandbox; default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'",
        );
        return send(res, 200, "text/html; charset=utf-8", m.html ?? "");
      }
      const attachment = parts[3] === "attachments" ? m.attachments[Number(parts[4])] : undefined;
      if (!attachment) return json(res, 404, { error: "no such part" });
      return send(res, 200, attachment.contentType, attachment.content);
    } catch (error) {
      return json(res, 400, { error: error instanceof Error ? error.message : "bad request" });
    }
  };
}
