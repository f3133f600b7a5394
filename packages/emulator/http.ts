import type { IncomingMessage, ServerResponse } from "node:http";
import type { GatewayErrorCode } from "@purwantara/contract";
import { phpJsonEncode, type JsonValue } from "@purwantara/contract/php-json";

const maxBodyBytes = 1024 * 1024;

export type Fields = Record<string, unknown>;
export type ParsedBody =
  { ok: true; fields: Fields } | { ok: false; status: 400 | 413; message: string };

export type JsonObject = { [key: string]: JsonValue };

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function parseJson(raw: Buffer): ParsedBody {
  try {
    const value: unknown = JSON.parse(raw.toString("utf8"));
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      return { ok: true, fields: value as Fields };
    }
    return { ok: false, status: 400, message: "The request body must be a JSON object." };
  } catch {
    return { ok: false, status: 400, message: "The request body is not valid JSON." };
  }
}

/** Form bodies, urlencoded or multipart: the WHATWG parser handles both. */
async function parseForm(raw: Buffer, contentType: string): Promise<ParsedBody> {
  try {
    const form = await new Request("http://emulator.local/", {
      method: "POST",
      headers: { "content-type": contentType },
      body: new Uint8Array(raw),
    }).formData();
    const fields: Fields = {};
    for (const [key, value] of form) fields[key] = typeof value === "string" ? value : value.name;
    return { ok: true, fields };
  } catch {
    return { ok: false, status: 400, message: "The request body is not a valid form." };
  }
}

/**
 * Reads a request body as JSON, urlencoded or multipart fields. An empty body is
 * no fields; a body with no content type is tried as JSON, the format the API
 * documents.
 */
export async function parseRequestBody(req: IncomingMessage): Promise<ParsedBody> {
  const raw = await readBody(req);
  if (raw === null) return { ok: false, status: 413, message: "The request body is too large." };
  if (raw.length === 0) return { ok: true, fields: {} };
  const contentType = req.headers["content-type"] ?? "";
  if (/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(contentType)) {
    return parseForm(raw, contentType);
  }
  return parseJson(raw);
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(body);
}

/** Purwantara's API answers with PHP-encoded JSON; so does the emulator's `/v1/`. */
export function sendPhpJson(res: ServerResponse, status: number, value: JsonValue): void {
  send(res, status, "application/json", phpJsonEncode(value));
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(value));
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  send(res, status, "text/html; charset=utf-8", html);
}

/** `path` with a message for the page to show once (after a POST-redirect-GET). */
export function withMessage(path: string, message: string): string {
  return `${path}?message=${encodeURIComponent(message)}`;
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, "content-length": 0 });
  res.end();
}

export function successEnvelope(status: 200 | 201, data: JsonValue): JsonObject {
  return { status, success: true, data };
}

export function errorEnvelope(
  status: number,
  code: GatewayErrorCode,
  message: string,
  fields?: Record<string, string[]>,
): JsonObject {
  const error: JsonObject = { code, message };
  if (fields) error.fields = fields;
  return { status, success: false, error };
}
