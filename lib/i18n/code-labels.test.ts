import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { deliveryOutcome, transactionState } from "@/db/schema";
import { bindFormatter } from "@/lib/format";
import { paymentNameCodes } from "@/lib/core/payment-names";
import { readRecordedNote, recordedNoteCodes } from "@/lib/payments/recorded-notes";
import { locales } from "./config";
import { messagesFor } from "./messages";
import { paymentName } from "./payment-name";
import { describeRecordedNote } from "./recorded-note";

const translator = (locale: "id" | "en") =>
  createTranslator({ locale, messages: messagesFor(locale) });

/** A stored code reaching the screen as it is: a snake_case word, or a bank code in capitals. */
const looksRaw = (text: string) => /\b[a-z]+_[a-z_]+\b|\b[A-Z]{5,}\b/.test(text);

describe("every stored code has words in both languages", () => {
  for (const locale of locales) {
    const t = translator(locale);
    it(`names every bank and payment channel (${locale})`, () => {
      for (const code of paymentNameCodes) {
        const name = paymentName(t, code);
        expect(name, code).not.toBe(`paymentName.${code}`);
        expect(looksRaw(name), `${code} → ${name}`).toBe(false);
      }
    });

    it(`labels every state, delivery outcome and recorded note (${locale})`, () => {
      const m = messagesFor(locale);
      for (const state of transactionState.enumValues) expect(m.status[state], state).toBeTruthy();
      for (const outcome of deliveryOutcome.enumValues)
        expect(m.callbacks.outcome[outcome], outcome).toBeTruthy();
      for (const code of recordedNoteCodes) expect(m.recordedNote[code], code).toBeTruthy();
    });
  }

  it("says banks and channels as people do", () => {
    const t = translator("id");
    expect(paymentName(t, "qris_doku")).toBe("QRIS (DOKU)");
    expect(paymentName(t, "MANDIRI")).toBe("Mandiri");
    expect(paymentName(t, "mandiri")).toBe("Mandiri");
    expect(paymentName(t, "CIMB")).toBe("CIMB Niaga");
    expect(paymentName(t, "shopee_pay")).toBe("ShopeePay");
    expect(paymentName(t, "SHOPEEPAY")).toBe("ShopeePay");
    expect(paymentName(t, "shopeepay")).toBe("QRIS (ShopeePay)");
    expect(paymentName(t, "ALFAMART")).toBe("Alfamart");
    // A channel we have never seen is shown as it came, never hidden.
    expect(paymentName(t, "LinkAja")).toBe("LinkAja");
  });
});

describe("recorded notes", () => {
  // What the writers in lib/webhooks/ and lib/payments/ store.
  const stored = [
    "active → paid",
    "already paid",
    "EXPIRED arrived after paid; ignored",
    "unknown status REFUNDED",
    "amount 150000 differs from our record 150000.0000",
    "PAID after expired: the money came, accepted",
    "amount 1000.5 has a fraction of a rupiah",
    "amount -5 is negative",
    "unknown event.type card",
    "paid_at and settle_at without a zone; read as Asia/Jakarta",
    "settle_at 2026-12-01T01:00:00Z is before paid_at 2026-12-01T02:00:00Z",
    "no event.type; stored as a payment link",
    "accepted by a person despite: amount 1 differs from our record 2; our record's amount 2 is used",
    "paid time corrected to 2026-12-01T02:00:00.000Z",
    "another payment of the same bill",
    "first seen in a callback",
    "created at Purwantara",
    "found at Purwantara by a status check",
    "status sweep",
    "status check: Purwantara has no payment with this reference",
    "No clear answer from Purwantara (timeout); it may still have created the payment",
    "Purwantara refused: The amount field is required",
    "cancelled by user 809c6d21-0000-4000-8000-000000000000",
    "active → paid; accepted by a person: amount 20000.0000 differs from our record 10000.0000, which stands; stored copy differs from the body (description: NUL or lone surrogate replaced; name: NUL or lone surrogate replaced)",
  ];

  it("reads every stored text into codes, none left over", () => {
    for (const text of stored) {
      expect(
        readRecordedNote(text).filter((p) => p.code === null),
        text,
      ).toEqual([]);
    }
  });

  it("says them in the reader's language, states by name and money in rupiah", () => {
    const id = translator("id");
    const format = bindFormatter("id", "Asia/Jakarta");
    expect(describeRecordedNote(id, format, "active → paid")).toBe(
      "Berubah dari Menunggu pembayaran ke Lunas",
    );
    expect(describeRecordedNote(id, format, "created at Purwantara")).toBe("Dibuat di Purwantara");
    expect(describeRecordedNote(id, format, "EXPIRED arrived after paid; ignored")).toBe(
      "EXPIRED datang setelah Lunas; diabaikan",
    );
    expect(
      describeRecordedNote(
        id,
        format,
        "paid_at 2026-11-24 09:10:00 without a zone; read as Asia/Jakarta",
      ),
    ).not.toMatch(/paid_at/);
    const en = translator("en");
    expect(
      describeRecordedNote(en, bindFormatter("en", "Asia/Jakarta"), "already settled; odd thing"),
    ).toBe("Already Settled; nothing changed; odd thing");
    for (const text of stored) expect(describeRecordedNote(id, format, text), text).not.toBe(text);
  });
});
