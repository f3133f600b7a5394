import "server-only";
import { claimOutboxRow, finishOutboxTry, insertOutboxRow } from "@/db/queries/outbox";
import type { DbOrTx } from "@/db/client";
import type { EmailOutboxRow } from "@/db/schema";
import { open, seal } from "@/lib/crypto/secret-box";
import type { Locale } from "@/lib/i18n/config";
import { getMerchantProfile } from "@/lib/settings/merchant";
import type { EmailTemplate } from "@/lib/core/email-kinds";
import { backoffSeconds } from "@/lib/jobs/row-tries";
import { logoAttachment, logoCid, rowAttachments } from "@/lib/notices/attachments";
import { renderEmail } from "./templates/render";
import { getSmtpConfig } from "./smtp-settings";
import { sendEmail, smtpTimeouts, type SendOutcome, type SmtpTimeouts } from "./transport";

export type QueueEmailInput = {
  to: string;
  template: EmailTemplate;
  locale: Locale;
  /** Shown to admins on the outbox page: names, roles, times. Never a secret. */
  data: Record<string, string>;
  /** Sealed at rest (lib/crypto/secret-box.ts): a link carrying a one-time token. */
  secrets?: Record<string, string>;
  /** The event, e.g. `invitation:<id>`: with the recipient, what makes a repeat the same email. */
  dedupeKey: string;
  createdBy?: string | null;
};

const secretsContext = (row: Pick<EmailOutboxRow, "dedupeKey" | "recipient">) =>
  `email_outbox:${row.dedupeKey}:${row.recipient.toLowerCase()}`;

/** A row's sealed values, opened (throws when they cannot be: another key, or moved). */
export function openOutboxSecrets(
  row: Pick<EmailOutboxRow, "dedupeKey" | "recipient" | "secretsSealed">,
): Record<string, string> {
  return row.secretsSealed ? JSON.parse(open(row.secretsSealed, secretsContext(row))) : {};
}

/**
 * Adds an email to the outbox in the caller's transaction, so it exists exactly when
 * what caused it does. Queue its job after the commit (lib/jobs/email.ts `queueEmailJobs`).
 */
export async function queueEmail(tx: DbOrTx, input: QueueEmailInput) {
  const row = { dedupeKey: input.dedupeKey, recipient: input.to };
  return insertOutboxRow(tx, {
    recipient: input.to,
    template: input.template,
    locale: input.locale,
    data: input.data,
    secretsSealed: input.secrets ? seal(JSON.stringify(input.secrets), secretsContext(row)) : null,
    dedupeKey: input.dedupeKey,
    createdBy: input.createdBy ?? null,
  });
}

/** How the outbox tries: how long a try may hold a row, how often, how far apart. */
export type OutboxSettings = {
  leaseSeconds: number;
  maxTries: number;
  retryBaseSeconds: number;
  retryMaxSeconds: number;
  /** How long each step with the SMTP server may take. */
  timeouts: SmtpTimeouts;
};

/** [chosen] 6 tries over about an hour: 30 s, 1, 2, 4, 8 minutes apart… up to an hour. */
export const defaultOutboxSettings: OutboxSettings = {
  leaseSeconds: 120,
  maxTries: 6,
  retryBaseSeconds: 30,
  retryMaxSeconds: 3600,
  timeouts: smtpTimeouts.queued,
};

/** The wait after the `tries`-th failed try: doubling from the base, capped. */
export function retryDelaySeconds(tries: number, settings: OutboxSettings): number {
  return backoffSeconds(tries, settings);
}

/** What one try did: sent; to be tried again after `retryInSeconds`; failed for good; or nothing (not ours to send). */
export type TryResult =
  | { outcome: "sent"; send: SendOutcome }
  | { outcome: "retry"; retryInSeconds: number; send: SendOutcome | null }
  | { outcome: "failed"; send: SendOutcome | null }
  | { outcome: "skipped" };

function describeFailure(send: Exclude<SendOutcome, { kind: "delivered" }>): string {
  return send.kind === "refused"
    ? `refused: ${send.code ?? ""} ${send.response}`.replace(/\s+/g, " ").trim()
    : `unreachable: ${send.reason}`;
}

function fromDomain(address: string): string {
  return address.split("@")[1] ?? "localhost";
}

/**
 * One try of one outbox row, by a job or at once ("Send a test email"). The row is
 * claimed first (lib: claimOutboxRow), so however many runners hold a job for it, one
 * sends it; a refusal for good (5xx) fails it, anything else is tried again later
 * until its tries run out.
 */
export async function deliverOutboxRow(
  id: string,
  settings: OutboxSettings = defaultOutboxSettings,
): Promise<TryResult> {
  const row = await claimOutboxRow(id, settings.leaseSeconds);
  if (!row) return { outcome: "skipped" };
  const { config } = await getSmtpConfig();
  const giveUp = row.tries >= settings.maxTries;
  if (!config) {
    const error = "no SMTP server is configured (SMTP_URL or Settings > Email)";
    if (giveUp) {
      await finishOutboxTry(id, { state: "failed", error });
      return { outcome: "failed", send: null };
    }
    const retryInSeconds = retryDelaySeconds(row.tries, settings);
    await finishOutboxTry(id, { state: "pending", error, retryInSeconds });
    return { outcome: "retry", retryInSeconds, send: null };
  }
  let secrets: Record<string, string> = {};
  try {
    secrets = openOutboxSecrets(row);
  } catch {
    await finishOutboxTry(id, { state: "failed", error: "its sealed values cannot be opened" });
    return { outcome: "failed", send: null };
  }
  const [logo, attachments] = await Promise.all([logoAttachment(), rowAttachments(row)]);
  const rendered = await renderEmail({
    template: row.template,
    locale: row.locale,
    data: row.data,
    secrets,
    businessName: (await getMerchantProfile()).businessName,
    logoSrc: logo ? `cid:${logoCid}` : undefined,
  });
  const send = await sendEmail(
    config,
    {
      to: row.recipient,
      ...rendered,
      attachments: logo ? [logo, ...attachments] : attachments,
      locale: row.locale,
      messageId: `<outbox-${row.id}@${fromDomain(config.fromAddress)}>`,
    },
    settings.timeouts,
  );
  if (send.kind === "delivered") {
    await finishOutboxTry(id, { state: "sent", messageId: send.messageId });
    return { outcome: "sent", send };
  }
  const error = describeFailure(send);
  if (giveUp || (send.kind === "refused" && send.permanent)) {
    await finishOutboxTry(id, { state: "failed", error });
    return { outcome: "failed", send };
  }
  const retryInSeconds = retryDelaySeconds(row.tries, settings);
  await finishOutboxTry(id, { state: "pending", error, retryInSeconds });
  return { outcome: "retry", retryInSeconds, send };
}
