import { SMTPServer, type SMTPServerAddress } from "smtp-server";
import { parseMessage, type MailStore } from "./store";

/** [chosen] The largest message the catcher takes: well above any email the app sends. */
export const maxMessageBytes = 10 * 1024 * 1024;

/**
 * A rule that makes the catcher answer the next `count` messages to `to` (any case;
 * `*` for every recipient) with an SMTP error at RCPT TO, as a real server refusing a
 * mailbox (5xx, permanent) or asking to try later (4xx) would.
 */
export type Refusal = { to: string; count: number; code: number; message: string };

export class Refusals {
  private rules: Refusal[] = [];

  add(rule: Refusal): void {
    this.rules.push({ ...rule, to: rule.to.trim().toLowerCase() });
  }

  /** The rule that refuses this recipient now (and uses one of its count), if any. */
  take(recipient: string): Refusal | undefined {
    const address = recipient.toLowerCase();
    const rule = this.rules.find((r) => r.count > 0 && (r.to === "*" || r.to === address));
    if (!rule) return undefined;
    rule.count -= 1;
    this.rules = this.rules.filter((r) => r.count > 0);
    return rule;
  }

  clear(): void {
    this.rules = [];
  }
}

type SmtpError = Error & { responseCode?: number };

function smtpError(code: number, message: string): SmtpError {
  const error: SmtpError = new Error(message);
  error.responseCode = code;
  return error;
}

/**
 * A real SMTP server (smtp-server) that keeps every message it is given. It takes any
 * user name and password (AUTH PLAIN or LOGIN, over plain TCP: it only listens on this
 * machine) or none, and offers no STARTTLS, so a client set to `tls=none` talks to it
 * as it would to a relay on localhost.
 */
export function createSmtpServer(
  store: MailStore,
  refusals: Refusals,
  log: (line: string) => void,
) {
  return new SMTPServer({
    name: "mail-catcher.local",
    banner: "Purwantara mail catcher (development and tests only)",
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    size: maxMessageBytes,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "anonymous" });
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const rule = refusals.take(address.address);
      if (rule) {
        log(`refused ${address.address}: ${rule.code} ${rule.message}`);
        return callback(smtpError(rule.code, rule.message));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (stream.sizeExceeded) return callback(smtpError(552, "Message too large"));
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        parseMessage(Buffer.concat(chunks), envelope).then(
          (message) => {
            store.add(message);
            log(`caught "${message.subject ?? ""}" for ${envelope.to.join(", ")}`);
            callback(null, `Kept as ${message.id}`);
          },
          (error: unknown) => callback(smtpError(451, `Could not parse: ${String(error)}`)),
        );
      });
    },
  });
}
