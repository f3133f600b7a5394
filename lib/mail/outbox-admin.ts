import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { getOutboxRow } from "@/db/queries/outbox";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { queueEmailJobs } from "@/lib/jobs/enqueue";
import { defaultOutboxSettings, deliverOutboxRow, openOutboxSecrets, queueEmail } from "./outbox";
import { getSmtpConfig } from "./smtp-settings";
import { smtpTimeouts } from "./transport";

/** An admin acting on email: who, from where (audited; the recipient is never logged). */
export type EmailActor = { id: string; name: string; ip: string | null };

/** What "Send a test email" found: the server took it, said no (its answer), or was not reached. */
export type TestEmailVerdict =
  | { kind: "delivered" }
  | { kind: "refused"; answer: string }
  | { kind: "unreachable"; reason: string }
  | { kind: "notConfigured" };

/**
 * Sends a test email now (one try, short timeouts: a person is waiting), not through
 * the queue; it is recorded in the outbox as template `test` like any other email.
 */
export async function sendTestEmail(
  input: { to: string; locale: Locale },
  actor: EmailActor,
): Promise<TestEmailVerdict> {
  if (!(await getSmtpConfig()).config) return { kind: "notConfigured" };
  const { id } = await getDb().transaction(async (tx) => {
    const row = await queueEmail(tx, {
      to: input.to,
      template: "test",
      locale: input.locale,
      data: { senderName: actor.name, sentAt: new Date().toISOString() },
      dedupeKey: `test:${randomUUID()}`,
      createdBy: actor.id,
    });
    await recordAudit(tx, {
      action: "email.test_sent",
      actorId: actor.id,
      ip: actor.ip,
      target: { type: "email_outbox", id: row.id },
    });
    return row;
  });
  const result = await deliverOutboxRow(id, {
    ...defaultOutboxSettings,
    maxTries: 1,
    timeouts: smtpTimeouts.immediate,
  });
  if (result.outcome === "sent") return { kind: "delivered" };
  const send = "send" in result ? result.send : null;
  if (send?.kind === "refused")
    return { kind: "refused", answer: [send.code, send.response].filter(Boolean).join(" ") };
  if (send?.kind === "unreachable") return { kind: "unreachable", reason: send.reason };
  return { kind: "notConfigured" };
}

/**
 * Sends a sent or failed email again as a new outbox row (a new dedupe key, the same
 * recipient, template, values and sealed link), queued at once. A new row, not the
 * old one made pending: the old row keeps what happened to it (its error, when it was
 * sent), and the new one goes out with its own Message-ID, which a mailbox that
 * already has the first would otherwise drop as a duplicate.
 */
export async function resendOutboxEmail(id: string, actor: EmailActor): Promise<string> {
  const newId = await getDb().transaction(async (tx) => {
    const row = await getOutboxRow(tx, id);
    if (!row) throw new AppError("not_found", "email not found", { key: "outbox.notFound" });
    if (row.state !== "sent" && row.state !== "failed")
      throw new AppError("conflict", "email still in the queue", { key: "outbox.stillQueued" });
    const secrets = openOutboxSecrets(row);
    const copy = await queueEmail(tx, {
      to: row.recipient,
      template: row.template,
      locale: row.locale,
      data: row.data,
      secrets: row.secretsSealed ? secrets : undefined,
      dedupeKey: `resend:${randomUUID()}`,
      createdBy: actor.id,
    });
    await recordAudit(tx, {
      action: "email.resent",
      actorId: actor.id,
      ip: actor.ip,
      target: { type: "email_outbox", id: copy.id },
      details: { from: row.id },
    });
    return copy.id;
  });
  await queueEmailJobs([newId]);
  return newId;
}
