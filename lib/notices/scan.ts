import "server-only";
import { getDb, type DbOrTx } from "@/db/client";
import {
  advanceNoticeCursor,
  listDayClosesAwaiting,
  listNoticeRecipients,
  listPaymentNoticeEvents,
  listReviewDeliveries,
  lockNoticeCursor,
  type NoticeRecipientRow,
  type PaymentNoticeEvent,
} from "@/db/queries/notices";
import { getMerchantSettings } from "@/db/queries/settings";
import { listFilter, transactionsListUrl } from "@/lib/core/transaction-filter/url";
import { queueEmail } from "@/lib/mail/outbox";
import { noticeDelivery } from "./offer";
import { writeNotice, type Notice } from "./write";

/**
 * [chosen] Each run reads again this far behind its cursor: a callback's transaction
 * stamps its event when it starts and may commit a little later, so an event can appear
 * behind a cursor that already passed it. Reading twice costs nothing: every email
 * and digest item is unique per event and person.
 */
export const noticeScanOverlapSeconds = 120;
const cursorSource = "notices";

type Writer = (recipient: NoticeRecipientRow, notice: Notice, amount?: string) => Promise<void>;

/**
 * One scan (the `notice-scan` job, every minute): the payments that became paid or
 * expired, the deliveries held for review and the days waiting for approval since the
 * cursor become notices for the people who chose them, and paid payments with a buyer's
 * email a receipt; the cursor moves on in the same transaction. Returns the outbox rows
 * written (their jobs are queued after the commit).
 */
export async function runNoticeScan(): Promise<string[]> {
  return getDb().transaction(async (tx) => {
    const { since: cursor, until } = await lockNoticeCursor(
      tx,
      cursorSource,
      noticeScanOverlapSeconds,
    );
    const since = new Date(cursor.getTime() - noticeScanOverlapSeconds * 1000);
    const recipients = await listNoticeRecipients(tx);
    const ids: string[] = [];
    const write: Writer = async (recipient, notice, amount) => {
      const delivery = noticeDelivery(recipient, notice.kind, {
        mode: notice.mode ?? undefined,
        amount,
      });
      if (delivery === "off") return;
      const id = await writeNotice(tx, recipient, delivery, notice);
      if (id) ids.push(id);
    };
    const events = await listPaymentNoticeEvents(tx, since, until);
    for (const event of events) {
      for (const recipient of recipients)
        await write(recipient, paymentNotice(event), event.amount);
    }
    ids.push(...(await writeReceipts(tx, events)));
    for (const delivery of await listReviewDeliveries(tx, since, until)) {
      if (!delivery.mode) continue;
      const notice: Notice = {
        kind: "callbacks_review",
        mode: delivery.mode,
        eventKey: `review:${delivery.id}`,
        data: { at: delivery.receivedAt.toISOString(), path: `/callbacks/${delivery.id}` },
      };
      for (const recipient of recipients) await write(recipient, notice);
    }
    for (const day of await listDayClosesAwaiting(tx, since, until)) {
      const notice: Notice = {
        kind: "day_close",
        mode: day.mode,
        eventKey: `day_close:${day.id}:${day.markedAt.getTime()}`,
        data: { day: day.day, at: day.markedAt.toISOString(), path: "/reconciliation" },
      };
      // The maker cannot approve their own day: they are not told it waits.
      for (const recipient of recipients)
        if (recipient.id !== day.markedBy) await write(recipient, notice);
    }
    await advanceNoticeCursor(tx, cursorSource, until);
    return ids;
  });
}

function paymentNotice(event: PaymentNoticeEvent): Notice {
  const paid = event.toState === "paid";
  const reference = event.externalId ?? "";
  return {
    kind: paid ? "payment_paid" : "payment_expired",
    mode: event.mode,
    eventKey: `${paid ? "paid" : "expired"}:${event.transactionId}`,
    data: {
      amount: event.amount,
      channel: event.channel,
      title: event.title ?? "",
      reference,
      at: (paid ? (event.paidAt ?? event.at) : event.at).toISOString(),
      path: reference
        ? transactionsListUrl(listFilter({ q: reference }))
        : `/transactions/${event.transactionId}`,
    },
  };
}

/**
 * The buyer's receipt, once per payment (`receipt:<id>`): when the merchant emails
 * receipts, the payment was not unticked on its form, and the buyer's email is known.
 * [chosen] Test-mode payments get one too, marked as a test, so a merchant can try it.
 */
async function writeReceipts(tx: DbOrTx, events: PaymentNoticeEvent[]): Promise<string[]> {
  const paid = events.filter((e) => e.toState === "paid" && e.emailReceipt && e.customerEmail);
  if (paid.length === 0) return [];
  const merchant = await getMerchantSettings(tx);
  if (merchant && !merchant.emailReceipts) return [];
  const ids: string[] = [];
  for (const event of paid) {
    const row = await queueEmail(tx, {
      to: event.customerEmail!,
      template: "receipt",
      locale: merchant?.receiptLocale ?? "id",
      data: {
        amount: event.amount,
        channel: event.channel,
        bank: event.bank ?? "",
        title: event.title ?? "",
        reference: event.externalId ?? "",
        paidAt: (event.paidAt ?? event.at).toISOString(),
        timeZone: merchant?.defaultTimeZone ?? "Asia/Jakarta",
        mode: event.mode === "production" ? "live" : "test",
      },
      dedupeKey: `receipt:${event.transactionId}`,
    });
    if (row.created) ids.push(row.id);
  }
  return ids;
}
