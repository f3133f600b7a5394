import "server-only";
import type { DbOrTx } from "@/db/client";
import { insertDigestItem, type NoticeRecipientRow } from "@/db/queries/notices";
import type { GatewayMode } from "@/lib/core/modes";
import { isLiveMode, type NoticeDelivery, type NoticeKind } from "@/lib/core/notice-kinds";
import { queueEmail } from "@/lib/mail/outbox";

/** One notice about one event: its kind, the mode it is about (null: about the person). */
export type Notice = {
  kind: NoticeKind;
  mode: GatewayMode | null;
  /** The event, e.g. `paid:<transaction id>`: with the person, what makes it once. */
  eventKey: string;
  /** What the email says: amounts, channel, times (ISO), the list's path. No secret. */
  data: Record<string, string>;
};

/** The values every notice's email carries besides its own. */
export function noticeData(recipient: NoticeRecipientRow, notice: Notice): Record<string, string> {
  return {
    ...notice.data,
    kind: notice.kind,
    timeZone: recipient.timeZone,
    ...(notice.mode ? { mode: isLiveMode(notice.mode) ? "live" : "test" } : {}),
  };
}

/**
 * Writes a notice for a person in the caller's transaction: its own email at once
 * (`notice:<event key>`), or a waiting item of their next digest. Returns the outbox
 * row's id when one was written (the caller queues its job after the commit).
 */
export async function writeNotice(
  tx: DbOrTx,
  recipient: NoticeRecipientRow,
  delivery: Exclude<NoticeDelivery, "off">,
  notice: Notice,
): Promise<string | null> {
  const data = noticeData(recipient, notice);
  if (delivery === "digest") {
    await insertDigestItem(tx, {
      userId: recipient.id,
      mode: notice.mode,
      kind: notice.kind,
      eventKey: notice.eventKey,
      data,
    });
    return null;
  }
  const row = await queueEmail(tx, {
    to: recipient.email,
    template: "notice",
    locale: recipient.locale,
    data,
    dedupeKey: `notice:${notice.eventKey}`,
  });
  return row.created ? row.id : null;
}
