import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { saveNoticePreferences } from "@/db/queries/notices";
import { defaultNoticePreferences, type NoticePreferences } from "@/lib/core/notice-kinds";
import { queryTestDb } from "@/testing/database";

/** A person with notice choices (the rest the defaults), in their language and zone. */
export async function insertNoticeUser(
  url: string,
  fields: {
    email: string;
    role: "admin" | "operator" | "finance";
    locale?: "id" | "en";
    timeZone?: "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura";
    name?: string;
    preferences?: Partial<Omit<NoticePreferences, "deliveries">> & {
      deliveries?: Partial<NoticePreferences["deliveries"]>;
    };
  },
): Promise<string> {
  const [row] = await queryTestDb<{ id: string }>(
    url,
    `insert into users (email, name, password_hash, role, locale, time_zone)
     values ($1, $2, 'x', $3, $4, $5) returning id`,
    [
      fields.email,
      fields.name ?? "Ni Luh Putu Ayu Sekar Wangi Kusumawardhani",
      fields.role,
      fields.locale ?? "id",
      fields.timeZone ?? "Asia/Jakarta",
    ],
  );
  const { deliveries, ...rest } = fields.preferences ?? {};
  await saveNoticePreferences(getDb(), row!.id, {
    ...defaultNoticePreferences,
    ...rest,
    deliveries: { ...defaultNoticePreferences.deliveries, ...deliveries },
  });
  return row!.id;
}

export type TestPayment = {
  mode?: "local" | "sandbox" | "production";
  channel?: string;
  amount: string;
  fee?: string | null;
  state?: "active" | "paid" | "settled" | "expired";
  paidAt?: Date | null;
  settledAt?: Date | null;
  customerEmail?: string | null;
  emailReceipt?: boolean;
  title?: string;
  /** Writes the move to `state` on the timeline now (what the notice scan reads). */
  event?: boolean;
};

/** A payment row (and its move to its state on the timeline, unless `event: false`). */
export async function insertPayment(url: string, p: TestPayment) {
  const externalId = `INV-${randomUUID().slice(0, 8)}`;
  const state = p.state ?? "paid";
  const [row] = await queryTestDb<{ id: string }>(
    url,
    `insert into transactions (mode, channel, external_id, purwantara_uuid, title, amount, fee,
       state, paid_at, settled_at, customer_email, email_receipt, bank)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'BCA') returning id`,
    [
      p.mode ?? "production",
      p.channel ?? "qris",
      externalId,
      randomUUID(),
      p.title ?? "Kopi susu gula aren 1 liter",
      p.amount,
      p.fee === undefined ? "1000" : p.fee,
      state,
      p.paidAt === undefined
        ? state === "paid" || state === "settled"
          ? new Date()
          : null
        : p.paidAt,
      p.settledAt ?? (state === "settled" ? new Date() : null),
      p.customerEmail ?? null,
      p.emailReceipt ?? true,
    ],
  );
  if (p.event !== false) {
    await queryTestDb(
      url,
      `insert into transaction_events (transaction_id, source, from_state, to_state)
       values ($1, 'webhook', 'active', $2)`,
      [row!.id, state],
    );
  }
  return { id: row!.id, externalId };
}
