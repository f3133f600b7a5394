/**
 * How the app reaches its SMTP server, in one shape whether it comes from the
 * environment (SMTP_URL, MAIL_FROM) or from the settings page. Pure: read by
 * lib/env-schema.ts, the settings and the transport.
 */
import { smtpTlsModes, type SmtpTlsMode } from "@/lib/core/smtp-tls";

export { smtpTlsModes, type SmtpTlsMode };

export type SmtpConfig = {
  host: string;
  port: number;
  tls: SmtpTlsMode;
  user: string | null;
  password: string | null;
  fromName: string | null;
  fromAddress: string;
};

export type ParsedSmtpUrl = Omit<SmtpConfig, "fromName" | "fromAddress">;

const defaultPorts: Record<SmtpTlsMode, number> = { implicit: 465, starttls: 587, none: 25 };

/**
 * Reads `smtp://user:password@host:port?tls=starttls|none` or `smtps://…` (implicit
 * TLS). User and password are URL-encoded. Returns a reason when it is not one.
 */
export function parseSmtpUrl(
  text: string,
): { ok: true; value: ParsedSmtpUrl } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: "is not a URL such as smtp://user:password@smtp.example.com:587" };
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:")
    return { ok: false, reason: "must start with smtp:// or smtps://" };
  if (!url.hostname) return { ok: false, reason: "names no host" };
  const asked = url.searchParams.get("tls");
  if (asked !== null && !(smtpTlsModes as readonly string[]).includes(asked))
    return { ok: false, reason: "tls= must be implicit, starttls or none" };
  const tls: SmtpTlsMode =
    url.protocol === "smtps:" ? "implicit" : ((asked as SmtpTlsMode | null) ?? "starttls");
  if (url.protocol === "smtps:" && asked && asked !== "implicit")
    return { ok: false, reason: "smtps:// is implicit TLS; use smtp:// with tls=starttls or none" };
  return {
    ok: true,
    value: {
      host: url.hostname.replace(/^\[|\]$/g, ""),
      port: url.port ? Number(url.port) : defaultPorts[tls],
      tls,
      user: url.username ? decodeURIComponent(url.username) : null,
      password: url.password ? decodeURIComponent(url.password) : null,
    },
  };
}

const addressPattern = /^[^\s@<>]+@[^\s@<>]+$/;

/** Reads `Name <address>` or a bare address. */
export function parseMailFrom(
  text: string,
): { ok: true; value: { name: string | null; address: string } } | { ok: false; reason: string } {
  const trimmed = text.trim();
  const named = /^"?([^"<]*?)"?\s*<([^<>]+)>$/.exec(trimmed);
  const name = named ? named[1]!.trim() || null : null;
  const address = (named ? named[2]! : trimmed).trim();
  if (!addressPattern.test(address))
    return { ok: false, reason: 'must be an address, or "Name <address>"' };
  return { ok: true, value: { name, address } };
}

/** The server's address for a person to read, never with its password. */
export function describeSmtp(config: Pick<SmtpConfig, "host" | "port" | "tls">): string {
  return `${config.host}:${config.port}`;
}
