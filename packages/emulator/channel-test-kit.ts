import { afterAll, beforeAll, expect } from "vitest";
import { callbackHeaders } from "@purwantara/contract";
import { verifyCallbackSignature } from "@purwantara/contract/signature";
import { phpJsonEncode, type JsonValue } from "@purwantara/contract/php-json";
import {
  authHeader,
  startEmulator,
  startReceiver,
  tempDataDir,
  type Received,
  type RunningEmulator,
} from "@purwantara/emulator/testing";

export type Body = Record<string, string | number | null>;
export type Data = Record<string, unknown>;
export type Envelope = {
  status: number;
  success: boolean;
  data?: unknown;
  error?: { code: string; message: string; fields?: Record<string, string[]> };
};

export const encodings = ["json", "urlencoded", "multipart"] as const;
export type Encoding = (typeof encodings)[number];
export const microsUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
export const callbackSecret = "channel-test-secret";
/** The first keys of a wallet or QRIS callback, in the order the gateway sends them. */
export const walletCallbackHead = [
  "uuid",
  "event",
  "external_id",
  "amount",
  "status",
  "paid_at",
  "settle_at",
  "payment_channel",
] as const;

/** Form fields as a browser or PHP client sends them: numbers as text, null as "". */
function formEntries(body: Body): [string, string][] {
  return Object.entries(body).map(([key, value]) => [key, value === null ? "" : String(value)]);
}

function encode(
  body: Body,
  encoding: Encoding,
): { body: string | FormData | URLSearchParams; headers: Record<string, string> } {
  if (encoding === "json") {
    return { body: JSON.stringify(body), headers: { "content-type": "application/json" } };
  }
  if (encoding === "urlencoded")
    return { body: new URLSearchParams(formEntries(body)), headers: {} };
  const form = new FormData();
  for (const [key, value] of formEntries(body)) form.set(key, value);
  return { body: form, headers: {} };
}

export async function send(
  url: string,
  body: Body,
  encoding: Encoding = "json",
  headers: Record<string, string> = authHeader,
): Promise<{ status: number; body: Envelope }> {
  const encoded = encode(body, encoding);
  const res = await fetch(url, {
    method: "POST",
    headers: { accept: "application/json", ...headers, ...encoded.headers },
    body: encoded.body,
  });
  return { status: res.status, body: (await res.json()) as Envelope };
}

export async function read(url: string): Promise<{ status: number; body: Envelope }> {
  const res = await fetch(url, { headers: { accept: "application/json", ...authHeader } });
  return { status: res.status, body: (await res.json()) as Envelope };
}

let counter = 0;
/** A merchant reference no other test uses. */
export const uniqueRef = (prefix: string) => `${prefix}-${Date.now()}-${++counter}`;

/** One emulator for the file, with a receiver taking its callbacks. */
export function withCallbackEmulator() {
  let running: RunningEmulator | undefined;
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  const data = tempDataDir();
  beforeAll(async () => {
    receiver = await startReceiver([200]);
    running = await startEmulator({
      dataDir: data.dir,
      callbackUrl: receiver.url,
      callbackSecret,
      callbackBackoffMs: [50],
    });
  });
  afterAll(async () => {
    await running?.close();
    await receiver?.close();
    data.remove();
  });
  const baseUrl = () => {
    if (!running) throw new Error("the emulator starts in beforeAll");
    return running.baseUrl;
  };
  /** The callbacks received for `uuid`, once there are `count` of them. */
  const callbacksFor = async (uuid: string, count = 1, ms = 5000): Promise<Received[]> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const mine = (receiver?.received ?? []).filter(
        (r) => (JSON.parse(r.body.toString("utf8")) as Data).uuid === uuid,
      );
      if (mine.length >= count) return mine;
      if (Date.now() > deadline) throw new Error(`expected ${count} callbacks for ${uuid}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  return { baseUrl, url: (path = "") => `${baseUrl()}${path}`, callbacksFor };
}

/** Checks a callback's headers and signature, and that its bytes are PHP's json_encode. */
export function verifiedCallbackBody(request: Received): Data {
  const signature = request.headers[callbackHeaders.signature];
  expect(typeof signature).toBe("string");
  expect(verifyCallbackSignature(request.body, String(signature), [callbackSecret])).toBe(true);
  expect(request.headers["user-agent"]).toBe(callbackHeaders.userAgent);
  const text = request.body.toString("utf8");
  const body = JSON.parse(text) as Data;
  expect(phpJsonEncode(body as JsonValue)).toBe(text);
  return body;
}

/** An ISO-8601 time `ms` from now in Jakarta time, as the SDK sends `expired_at`. */
export function wibFromNow(ms: number): string {
  const shifted = new Date(Date.now() + ms + 7 * 3_600_000);
  return shifted.toISOString().replace(/\.\d{3}Z$/, "+07:00");
}

export interface TlvField {
  tag: string;
  value: string;
}

/** Reads EMVCo TLV fields (2-digit tag, 2-digit length, value), failing on a malformed string. */
export function parseTlv(text: string): TlvField[] {
  const fields: TlvField[] = [];
  let at = 0;
  while (at < text.length) {
    const tag = text.slice(at, at + 2);
    const length = Number(text.slice(at + 2, at + 4));
    if (!/^\d{2}$/.test(tag) || !Number.isInteger(length) || at + 4 + length > text.length) {
      throw new Error(`malformed TLV at ${at}: ${text.slice(at, at + 10)}`);
    }
    fields.push({ tag, value: text.slice(at + 4, at + 4 + length) });
    at += 4 + length;
  }
  return fields;
}

export function tlvValue(fields: TlvField[], tag: string): string | undefined {
  return fields.find((f) => f.tag === tag)?.value;
}
