import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { composeShareText } from "@/channels/shared/share-text";
import type { Transaction } from "@/db/schema";
import { bindFormatter } from "@/lib/format";
import { describePaidWith } from "@/lib/i18n/paid-with";
import type { Shop } from "@/lib/settings/shop";
import en from "@/messages/en.json";
import id from "@/messages/id.json";
import { posterText } from "./qris-poster";
import { buildReceipt } from "./receipt";
import { buildSlip } from "./slip";

/** Values that must never reach a buyer, each one findable in the output. */
const internal = {
  id: "0b8f3c1e-1111-4222-8333-444455556666",
  purwantaraUuid: "gw-uuid-secret-9f2a",
  idempotencyKey: "idem-key-77aa",
  fee: "4321",
  total: "92321",
  rawStatus: "RAW_STATUS_ZZ",
  createdBy: "creator-uuid-5e5e",
  customerName: "Budi Internal",
  customerEmail: "budi.internal@example.com",
  errorMessage: "gateway said secret things",
  lastResponse: { token: "raw-response-marker" },
};

function row(over: Partial<Transaction> = {}): Transaction {
  return {
    ...internal,
    mode: "sandbox",
    channel: "virtual-account",
    bank: "MANDIRI",
    paymentChannel: null,
    externalId: "pwt-ref-123",
    billId: null,
    title: "Kopi susu 2 gelas",
    description: "Meja 4",
    amount: "88000",
    confirmedAmount: null,
    state: "active",
    customerPhone: "+6281234567890",
    vaNumber: "7001234567890123",
    qrString: null,
    paymentLinkUrl: null,
    checkoutUrl: null,
    paymentCode: null,
    returnUrl: "https://shop.example/internal-return",
    expiresAt: new Date("2026-12-09T03:00:00Z"),
    paidAt: null,
    settledAt: null,
    errorCode: null,
    errorFields: null,
    flags: [],
    createdAt: new Date("2026-12-08T01:00:00Z"),
    updatedAt: new Date("2026-12-08T01:00:00Z"),
    ...over,
  } as Transaction;
}

const shop: Shop = {
  name: "Toko Kopi Nusantara",
  contact: "WA 0812 3456 7890",
  logoVersion: 1,
  zone: "Asia/Makassar",
};

function expectNothingInternal(view: unknown) {
  const text = JSON.stringify(view);
  const secrets = Object.values(internal).filter((v): v is string => typeof v === "string");
  for (const value of [...secrets, "raw-response-marker", "internal-return"])
    expect(text).not.toContain(value);
}

describe("the slip's view model", () => {
  it("has only the buyer's keys, and nothing internal", () => {
    const outcome = buildSlip(row(), shop);
    expect(outcome.kind).toBe("slip");
    if (outcome.kind !== "slip") return;
    const { slip } = outcome;
    expect(Object.keys(slip).sort()).toEqual(
      ["amount", "channel", "description", "expiresAt", "pay", "reference", "shop", "title"].sort(),
    );
    expect(Object.keys(slip.pay).sort()).toEqual(
      ["bank", "customerPhone", "link", "paymentCode", "qrString", "vaNumber"].sort(),
    );
    expect(Object.keys(slip.shop).sort()).toEqual(["contact", "logoVersion", "name", "zone"]);
    expect(slip).toMatchObject({
      amount: "88000",
      reference: "pwt-ref-123",
      pay: { bank: "MANDIRI", vaNumber: "7001234567890123" },
    });
    expectNothingInternal(slip);
  });

  it("is the receipt once paid, and none for a payment that is not open", () => {
    expect(buildSlip(row({ state: "paid" }), shop)).toEqual({ kind: "paid" });
    expect(buildSlip(row({ state: "settled" }), shop)).toEqual({ kind: "paid" });
    expect(buildSlip(row({ state: "expired" }), shop)).toEqual({
      kind: "closed",
      state: "expired",
    });
    expect(buildSlip(row({ purwantaraUuid: null }), shop)).toEqual({
      kind: "closed",
      state: "active",
    });
  });
});

describe("the receipt's view model", () => {
  const paid = row({
    state: "paid",
    channel: "qris",
    paymentChannel: "qris_doku",
    confirmedAmount: "88000",
    amount: "88000",
    paidAt: new Date("2026-12-08T02:00:00Z"),
  });

  it("has only the buyer's keys, the net after approved refunds, nothing internal", () => {
    const receipt = buildReceipt(paid, [{ amount: "8000", refundedOn: "2026-12-08" }], shop);
    expect(receipt).not.toBeNull();
    expect(Object.keys(receipt!).sort()).toEqual(
      [
        "amount",
        "channel",
        "description",
        "net",
        "paidAt",
        "paidWith",
        "reference",
        "refunded",
        "refunds",
        "shop",
        "title",
      ].sort(),
    );
    expect(receipt).toMatchObject({ amount: "88000", refunded: "8000", net: "80000" });
    expectNothingInternal(receipt);
  });

  it("is what Purwantara confirmed, and none before the payment is paid", () => {
    expect(buildReceipt({ ...paid, confirmedAmount: "90000" }, [], shop)).toMatchObject({
      amount: "90000",
      refunded: "0",
      net: "90000",
    });
    expect(buildReceipt(row({ state: "active" }), [], shop)).toBeNull();
    expect(buildReceipt(row({ state: "expired" }), [], shop)).toBeNull();
  });

  it("says how it was paid in words, never a code", () => {
    const t = createTranslator({ locale: "id", messages: id });
    expect(describePaidWith(t, "qris", "qris_doku")).toBe("QRIS (DOKU)");
    expect(describePaidWith(t, "virtual-account", "MANDIRI")).toBe("Virtual account Mandiri");
    expect(describePaidWith(t, "counter", null)).toBe("Alfamart");
  });
});

describe("the QRIS poster's words", () => {
  it("are the slip's shop, title, amount and deadline in the shop's zone", () => {
    const outcome = buildSlip(row({ channel: "qris", qrString: "000201..." }), shop);
    if (outcome.kind !== "slip") throw new Error("expected a slip");
    const words = posterText(
      outcome.slip,
      { payWith: "Bayar dengan QRIS", scanWith: "Pindai", validUntil: (time) => `s/d ${time}` },
      bindFormatter("id", outcome.slip.shop.zone),
    );
    expect(words).toEqual({
      shopName: "Toko Kopi Nusantara",
      title: "Kopi susu 2 gelas",
      amount: "Rp 88.000",
      payWith: "Bayar dengan QRIS",
      scanWith: "Pindai",
      deadline: "s/d 9 Des 2026 11.00 WITA",
    });
    expectNothingInternal(words);
  });
});

describe("the WhatsApp text", () => {
  const facts = {
    amount: "Rp 88.000",
    title: "Kopi susu 2 gelas",
    instructions: "Transfer ke VA BCA 7001234567890123.",
    deadline: "9 Des 2026 10.00 WIB",
  };

  it("names the shop when its name is set, in both languages", () => {
    const tId = createTranslator({ locale: "id", messages: id, namespace: "handoff" });
    const tEn = createTranslator({ locale: "en", messages: en, namespace: "handoff" });
    expect(composeShareText(tId, { ...facts, shop: "Toko Kopi Nusantara" })).toBe(
      "Halo, dari Toko Kopi Nusantara: mohon bayar Rp 88.000 untuk Kopi susu 2 gelas. Transfer ke VA BCA 7001234567890123. Berlaku sampai 9 Des 2026 10.00 WIB.",
    );
    expect(composeShareText(tEn, { ...facts, shop: "Toko Kopi Nusantara" })).toMatch(
      /^Hello from Toko Kopi Nusantara: please pay Rp 88\.000 for Kopi susu 2 gelas\./,
    );
  });

  it("is the plain request when no business name is set", () => {
    const t = createTranslator({ locale: "id", messages: id, namespace: "handoff" });
    expect(composeShareText(t, { ...facts, shop: null })).toBe(
      "Halo, mohon bayar Rp 88.000 untuk Kopi susu 2 gelas. Transfer ke VA BCA 7001234567890123. Berlaku sampai 9 Des 2026 10.00 WIB.",
    );
  });
});
