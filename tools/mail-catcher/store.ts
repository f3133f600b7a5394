import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser, type AddressObject } from "mailparser";

/** One attachment of a received message. */
export type CaughtAttachment = {
  filename: string | null;
  contentType: string;
  size: number;
  content: Buffer;
};

/** A message as the catcher keeps it: the envelope, the parsed parts and the raw bytes. */
export type CaughtMessage = {
  id: string;
  receivedAt: string;
  /** The SMTP envelope: who the sender said it was from, and every RCPT TO. */
  envelope: { from: string | null; to: string[] };
  from: string | null;
  to: string[];
  subject: string | null;
  text: string | null;
  html: string | null;
  /** Selected headers (lower-case names). */
  headers: Record<string, string>;
  attachments: CaughtAttachment[];
  raw: Buffer;
};

const keptHeaders = ["message-id", "date", "content-language", "reply-to", "auto-submitted"];

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.map((v) => v.address ?? "").filter(Boolean));
}

/** Parses raw message bytes (RFC 5322) into what the catcher keeps. */
export async function parseMessage(
  raw: Buffer,
  envelope: CaughtMessage["envelope"],
  meta: { id?: string; receivedAt?: string } = {},
): Promise<CaughtMessage> {
  const parsed = await simpleParser(raw);
  const headers: Record<string, string> = {};
  for (const name of keptHeaders) {
    const value = parsed.headers.get(name);
    if (typeof value === "string") headers[name] = value;
    else if (value instanceof Date) headers[name] = value.toISOString();
  }
  return {
    id: meta.id ?? randomUUID(),
    receivedAt: meta.receivedAt ?? new Date().toISOString(),
    envelope,
    from: addresses(parsed.from)[0] ?? null,
    to: addresses(parsed.to),
    subject: parsed.subject ?? null,
    text: parsed.text ?? null,
    html: typeof parsed.html === "string" ? parsed.html : null,
    headers,
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType,
      size: a.size,
      content: a.content,
    })),
    raw,
  };
}

/**
 * The received messages, newest first, capped at `limit` (the oldest are dropped).
 * With a data directory each message is also kept as `<id>.eml` plus its envelope, so
 * `npm run dev` shows yesterday's mail after a restart.
 */
export class MailStore {
  private messages: CaughtMessage[] = [];

  constructor(private readonly options: { dataDir?: string; limit?: number } = {}) {}

  /** Reads the messages a previous run kept in the data directory. */
  async load(): Promise<void> {
    const dir = this.options.dataDir;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    const metas = readdirSync(dir).filter((f) => f.endsWith(".json"));
    const loaded: CaughtMessage[] = [];
    for (const file of metas) {
      try {
        const meta = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as {
          id: string;
          receivedAt: string;
          envelope: CaughtMessage["envelope"];
        };
        const raw = readFileSync(path.join(dir, `${meta.id}.eml`));
        loaded.push(await parseMessage(raw, meta.envelope, meta));
      } catch {
        // A half-written pair from a killed run: skip it.
      }
    }
    this.messages = loaded.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  }

  add(message: CaughtMessage): void {
    this.messages.unshift(message);
    const dir = this.options.dataDir;
    if (dir) {
      writeFileSync(path.join(dir, `${message.id}.eml`), message.raw);
      const meta = { id: message.id, receivedAt: message.receivedAt, envelope: message.envelope };
      writeFileSync(path.join(dir, `${message.id}.json`), JSON.stringify(meta));
    }
    const limit = this.options.limit ?? 1000;
    for (const dropped of this.messages.splice(limit)) this.removeFiles(dropped.id);
  }

  /** Newest first; `to` keeps those with that recipient (envelope or header, any case). */
  list(filter: { to?: string } = {}): CaughtMessage[] {
    const to = filter.to?.trim().toLowerCase();
    if (!to) return [...this.messages];
    return this.messages.filter((m) =>
      [...m.envelope.to, ...m.to].some((address) => address.toLowerCase() === to),
    );
  }

  get(id: string): CaughtMessage | undefined {
    return this.messages.find((m) => m.id === id);
  }

  clear(): void {
    for (const m of this.messages) this.removeFiles(m.id);
    this.messages = [];
  }

  private removeFiles(id: string): void {
    const dir = this.options.dataDir;
    if (!dir) return;
    for (const ext of [".eml", ".json"]) rmSync(path.join(dir, `${id}${ext}`), { force: true });
  }
}
