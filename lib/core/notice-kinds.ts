/**
 * The notices a person may choose on their profile, and how each reaches them: said
 * once, here. Pure (the profile's form uses it in the browser too); which notices a
 * role is offered lives in lib/notices/offer.ts.
 */
import { z } from "zod";
import type { GatewayMode } from "./modes";

export const noticeKinds = [
  "payment_paid",
  "payment_expired",
  "callbacks_review",
  "day_close",
  "new_device",
  "second_step_locked",
] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** off; each one in its own email at once; or gathered into the hourly digest. */
export const noticeDeliveries = ["off", "immediate", "digest"] as const;
export type NoticeDelivery = (typeof noticeDeliveries)[number];

/** [chosen] The digest is sent at the top of every hour (cron, UTC) with what gathered. */
export const digestCron = "0 * * * *";

const delivery = z.enum(noticeDeliveries);
/** Whole rupiah as typed ("150000", "150.000", "Rp 150.000"); empty: every payment. */
const minAmount = z
  .string()
  .transform((v) => v.replace(/^\s*Rp/i, "").replace(/[\s.]/g, ""))
  .pipe(z.string().regex(/^\d{0,15}$/, "amountFormat"))
  .transform((v) => (v === "" ? null : v.replace(/^0+(?=\d)/, "")));

export const noticePreferencesSchema = z.object({
  deliveries: z.object({
    payment_paid: delivery,
    payment_expired: delivery,
    callbacks_review: delivery,
    day_close: delivery,
    new_device: delivery,
    second_step_locked: delivery,
  }),
  /** Payment received only from this amount up (rupiah); null: every one. */
  paidMinAmount: minAmount.nullable(),
  /** Also notices about test-mode payments (each mode in its own emails). */
  includeTest: z.boolean(),
  /** The daily recap at 07:00 in the person's zone (finance and admin). */
  dailyRecap: z.boolean(),
  /** With yesterday's payments as XLSX, the file the export makes. */
  recapAttachXlsx: z.boolean(),
  /** The monthly settlement statement on the 1st (finance and admin). */
  monthlyStatement: z.boolean(),
});
export type NoticePreferences = z.output<typeof noticePreferencesSchema>;

/** [chosen] Security notices on at once by default; the rest off until chosen. */
export const defaultNoticePreferences: NoticePreferences = {
  deliveries: {
    payment_paid: "off",
    payment_expired: "off",
    callbacks_review: "off",
    day_close: "off",
    new_device: "immediate",
    second_step_locked: "immediate",
  },
  paidMinAmount: null,
  includeTest: false,
  dailyRecap: false,
  recapAttachXlsx: false,
  monthlyStatement: false,
};

/** Saved preferences read back: anything unreadable falls back to the defaults. */
export function readNoticePreferences(saved: unknown): NoticePreferences {
  const parsed = noticePreferencesSchema.safeParse(saved);
  return parsed.success ? parsed.data : defaultNoticePreferences;
}

/** Live is production; local and sandbox are test. */
export function isLiveMode(mode: GatewayMode): boolean {
  return mode === "production";
}

/** The daily recap's XLSX: the outbox row names it; the file is made when it is sent. */
export const recapAttachment = "transactions-xlsx";

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on");
const choice = z.enum(noticeDeliveries, "invalidChoice").optional().default("off");

/**
 * The profile form's fields (one select per notice, `delivery_<kind>`; checkboxes
 * present when ticked) read into preferences. A notice not on the form stays off.
 */
export const noticeFormSchema = z
  .object({
    delivery_payment_paid: choice,
    delivery_payment_expired: choice,
    delivery_callbacks_review: choice,
    delivery_day_close: choice,
    delivery_new_device: choice,
    delivery_second_step_locked: choice,
    paidMinAmount: minAmount.optional().default(""),
    includeTest: checkbox,
    dailyRecap: checkbox,
    recapAttachXlsx: checkbox,
    monthlyStatement: checkbox,
  })
  .transform((f): NoticePreferences => ({
    deliveries: {
      payment_paid: f.delivery_payment_paid,
      payment_expired: f.delivery_payment_expired,
      callbacks_review: f.delivery_callbacks_review,
      day_close: f.delivery_day_close,
      new_device: f.delivery_new_device,
      second_step_locked: f.delivery_second_step_locked,
    },
    paidMinAmount: f.paidMinAmount,
    includeTest: f.includeTest,
    dailyRecap: f.dailyRecap,
    recapAttachXlsx: f.recapAttachXlsx && f.dailyRecap,
    monthlyStatement: f.monthlyStatement,
  }));
