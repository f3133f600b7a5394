import "server-only";
import nodemailer from "nodemailer";
import type { SmtpConfig } from "./smtp-config";

/** A file sent with an email; with `cid`, an inline image the HTML names as `cid:<cid>`. */
export type EmailAttachment = {
  filename: string;
  content: Buffer;
  contentType: string;
  cid?: string;
};

export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  locale: string;
  /** The Message-ID to send (so a retry of the same row is recognisably the same mail). */
  messageId?: string;
  attachments?: EmailAttachment[];
};

/**
 * What came of one try: the server accepted it; the server refused it (its code and
 * answer; 5xx is for good, 4xx means try later); or no server could be talked to.
 */
export type SendOutcome =
  | { kind: "delivered"; messageId: string; response: string }
  | { kind: "refused"; code: number | null; response: string; permanent: boolean }
  | { kind: "unreachable"; reason: string };

/** How long to wait for the SMTP server at each step, in ms. */
export type SmtpTimeouts = {
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
};

/** [chosen] The queue's tries wait long; a person waiting on "Send a test email" waits less. */
export const smtpTimeouts = {
  queued: { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
  immediate: { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 },
} as const satisfies Record<string, SmtpTimeouts>;

function transportFor(config: SmtpConfig, timeouts: SmtpTimeouts) {
  return nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.tls === "implicit",
    requireTLS: config.tls === "starttls",
    ignoreTLS: config.tls === "none",
    auth: config.user ? { user: config.user, pass: config.password ?? "" } : undefined,
    ...timeouts,
  });
}

type NodemailerError = Error & { code?: string; responseCode?: number; response?: string };

/** Sorts a nodemailer failure into refused (the server answered no) or unreachable. */
export function classifySendError(error: unknown): Exclude<SendOutcome, { kind: "delivered" }> {
  const e = (error instanceof Error ? error : new Error(String(error))) as NodemailerError;
  if (typeof e.responseCode === "number") {
    return {
      kind: "refused",
      code: e.responseCode,
      response: (e.response ?? e.message).slice(0, 500),
      permanent: e.responseCode >= 500,
    };
  }
  if (e.code === "EAUTH")
    return { kind: "refused", code: null, response: e.message.slice(0, 500), permanent: true };
  return { kind: "unreachable", reason: `${e.code ?? e.name}: ${e.message}`.slice(0, 500) };
}

/** Sends one email over SMTP and says what came of it; never throws for a refusal. */
export async function sendEmail(
  config: SmtpConfig,
  email: OutgoingEmail,
  timeouts: SmtpTimeouts = smtpTimeouts.queued,
): Promise<SendOutcome> {
  const transport = transportFor(config, timeouts);
  try {
    const info = await transport.sendMail({
      from: config.fromName
        ? { name: config.fromName, address: config.fromAddress }
        : config.fromAddress,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      messageId: email.messageId,
      attachments: email.attachments,
      headers: { "Content-Language": email.locale, "Auto-Submitted": "auto-generated" },
    });
    if (info.rejected.length > 0)
      return { kind: "refused", code: null, response: String(info.response), permanent: true };
    return { kind: "delivered", messageId: info.messageId, response: String(info.response) };
  } catch (error) {
    return classifySendError(error);
  } finally {
    transport.close();
  }
}
