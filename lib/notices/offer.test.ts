import { describe, expect, it } from "vitest";
import type { NoticeRecipientRow } from "@/db/queries/notices";
import { defaultNoticePreferences, noticeFormSchema } from "@/lib/core/notice-kinds";
import { effectivePreferences, noticeDelivery, offeredNotices } from "./offer";

const person = (role: NoticeRecipientRow["role"], preferences: object): NoticeRecipientRow => ({
  id: "u",
  email: "u@example.com",
  name: "U",
  role,
  locale: "id",
  timeZone: "Asia/Jakarta",
  preferences: { ...defaultNoticePreferences, ...preferences } as Record<string, unknown>,
});

describe("which notices a person gets", () => {
  it("offers each role only what it may see", () => {
    expect(offeredNotices("operator")).toEqual([
      "payment_paid",
      "payment_expired",
      "new_device",
      "second_step_locked",
    ]);
    expect(offeredNotices("finance")).toContain("day_close");
    const saved = {
      ...defaultNoticePreferences,
      deliveries: { ...defaultNoticePreferences.deliveries, day_close: "immediate" },
      dailyRecap: true,
    };
    expect(effectivePreferences("operator", saved)).toMatchObject({
      deliveries: { day_close: "off" },
      dailyRecap: false,
    });
  });

  it("sends a payment received from the threshold up, live unless test is asked for", () => {
    const paid = { ...defaultNoticePreferences.deliveries, payment_paid: "immediate" };
    const p = person("finance", { deliveries: paid, paidMinAmount: "100000" });
    expect(noticeDelivery(p, "payment_paid", { mode: "production", amount: "100000.0000" })).toBe(
      "immediate",
    );
    expect(noticeDelivery(p, "payment_paid", { mode: "production", amount: "99999.9900" })).toBe(
      "off",
    );
    expect(noticeDelivery(p, "payment_paid", { mode: "sandbox", amount: "500000" })).toBe("off");
    const tester = person("finance", { deliveries: paid, includeTest: true });
    expect(noticeDelivery(tester, "payment_paid", { mode: "local", amount: "1" })).toBe(
      "immediate",
    );
  });

  it("reads the profile form: amounts as people type them, unticked boxes off", () => {
    const parsed = noticeFormSchema.safeParse({
      delivery_payment_paid: "digest",
      paidMinAmount: "Rp 150.000",
      recapAttachXlsx: "on",
    });
    expect(parsed.success && parsed.data).toMatchObject({
      deliveries: { payment_paid: "digest", new_device: "off" },
      paidMinAmount: "150000",
      dailyRecap: false,
      recapAttachXlsx: false,
    });
    expect(noticeFormSchema.safeParse({ paidMinAmount: "seratus" }).success).toBe(false);
    expect(noticeFormSchema.safeParse({ delivery_day_close: "sometimes" }).success).toBe(false);
  });
});
