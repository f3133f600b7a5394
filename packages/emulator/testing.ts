import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { localEmulatorToken } from "@purwantara/contract";
import { createEmulator, type Emulator, type EmulatorOptions } from "./server";

export const authHeader = { authorization: `Bearer ${localEmulatorToken}` };

export function tempDataDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "emulator-test-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunningEmulator {
  emulator: Emulator;
  baseUrl: string;
  close(): Promise<void>;
}

/** A real emulator on a free port. */
export async function startEmulator(
  options: Partial<EmulatorOptions> & { dataDir: string },
): Promise<RunningEmulator> {
  const emulator = createEmulator({
    port: 0,
    callbackUrl: "http://127.0.0.1:9/unused",
    ...options,
  });
  const { baseUrl } = await emulator.listen();
  return { emulator, baseUrl, close: () => emulator.close() };
}

/**
 * One emulator for the calling test file, on a free port with a temp data dir,
 * closed and removed after the file's tests. `url("/v1/…")` addresses it.
 */
export function withEmulator(options: Partial<EmulatorOptions> = {}) {
  let running: RunningEmulator | undefined;
  const data = tempDataDir();
  beforeAll(async () => {
    running = await startEmulator({ dataDir: data.dir, ...options });
  });
  afterAll(async () => {
    await running?.close();
    data.remove();
  });
  const baseUrl = () => {
    if (!running) throw new Error("the emulator starts in beforeAll");
    return running.baseUrl;
  };
  return { baseUrl, url: (path = "") => `${baseUrl()}${path}` };
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = authHeader,
) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

export async function createLink(baseUrl: string, fields: Record<string, unknown> = {}) {
  const res = await postJson(`${baseUrl}/v1/payment-link`, {
    amount: 10000,
    title: "Test link",
    ...fields,
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  return (JSON.parse(res.text) as { data: { uuid: string } & Record<string, unknown> }).data;
}

export interface Received {
  headers: IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
}

/** A callback receiver answering each request with the next status from `statuses` (then the last). */
export async function startReceiver(statuses: number[] = [200]) {
  const received: Received[] = [];
  const waiters: Array<() => void> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks),
      });
      res.writeHead(statuses[received.length - 1] ?? statuses.at(-1) ?? 200).end("ok");
      waiters.splice(0).forEach((wake) => wake());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  /** Resolves once `count` requests have arrived, or rejects after `ms`. */
  const waitFor = async (count: number, ms = 5000): Promise<Received[]> => {
    const deadline = Date.now() + ms;
    while (received.length < count) {
      if (Date.now() > deadline)
        throw new Error(`expected ${count} callbacks, got ${received.length}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return received;
  };
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { url, received, waitFor, close };
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  return (await res.json()) as T;
}

/** Polls `check` until it returns a value, for state reached asynchronously. */
export async function eventually<T>(check: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
export { crc16CcittFalse } from "./channels/qris-payload";
