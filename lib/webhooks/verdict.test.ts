import { describe, expect, it } from "vitest";
import type { Transaction } from "@/db/schema";
import type { CallbackPayload } from "@purwantara/contract/callback";
import { checkCallbackValues, withoutUnsafeUrls } from "./checks";
import { heldFlags, sameDecimal, verdictFor } from "./verdict";

const paidAt = "2026-11-23T05:00:00.123456Z";
const payload = (over: Partial<CallbackPayload> = {}): CallbackPayload => ({
  uuid: "u-1",
  status: "PAID",
  amount: "10000.0000",
  paid_at: paidAt,
  event: { type: "payment-link", channel: "QRIS" },
  ...over,
});

const row = (over: Partial<Transaction> = {}): Transaction =>
  ({
    id: "t-1",
    mode: "local",
    channel: "payment-link",
    purwantaraUuid: "u-1",
    externalId: "PWD-1",
    amount: "10000.0000",
    state: "active",
    rawStatus: "ACTIVE",
    paidAt: null,
    settledAt: null,
    paymentChannel: "QRIS",
    flags: [],
    ...over,
  }) as Transaction;

function okCheck(p: CallbackPayload) {
  const check = checkCallbackValues(p);
  if (!check.ok) throw new Error(`expected ok: ${check.reason}`);
  return check;
}

describe("checkCallbackValues: held before any row is read", () => {
  it.each([
    [{ status: "REFUND_PENDING" }, 'unknown status "REFUND_PENDING"', ["unknown_status"]],
    [{ amount: undefined }, "amount is missing", ["amount_mismatch"]],
    [{ amount: "0" }, 'amount "0" is zero', ["amount_mismatch"]],
    [{ amount: "-1" }, 'amount "-1" is negative', ["amount_mismatch"]],
  ])("%j: %s", (over, reason, flags) => {
    expect(checkCallbackValues(payload(over))).toEqual({ ok: false, reason, flags });
  });

  it("accepts a PAID without a readable paid_at, noting that the time received is used", () => {
    expect(checkCallbackValues(payload({ paid_at: null }))).toEqual({
      ok: true,
      amount: "10000.0000",
      findings: [
        { flag: "paid_without_time", note: "PAID without paid_at; the time received is used" },
      ],
    });
    expect(okCheck(payload({ paid_at: "kemarin" })).findings).toEqual([
      {
        flag: "paid_without_time",
        note: 'PAID with unreadable paid_at "kemarin"; the time received is used',
      },
    ]);
    // An ACTIVE has no paid time to miss.
    expect(okCheck(payload({ status: "ACTIVE", paid_at: null })).findings).toEqual([]);
  });

  it("accepts an unknown event.type, flagged; a missing one is not a finding here", () => {
    expect(okCheck(payload({ event: { type: "crypto" } })).findings).toEqual([
      { flag: "unknown_channel", note: 'unknown event.type "crypto"' },
    ]);
    expect(okCheck(payload({ event: null })).findings).toEqual([]);
  });
});

describe("verdictFor: what a delivery does to the row it found", () => {
  it("applies an advance with no flag when everything is in order", () => {
    const v = verdictFor(row(), payload(), okCheck(payload()));
    expect(v).toMatchObject({ kind: "apply", reason: "active → paid", flags: [] });
    expect(v.kind === "apply" && v.decision.outcome).toBe("applied");
  });

  it("holds a different amount: needs_review and amount_mismatch", () => {
    const p = payload({ amount: "12000" });
    expect(verdictFor(row(), p, okCheck(p))).toEqual({
      kind: "held",
      outcome: "needs_review",
      reason: "amount 12000.0000 differs from our record 10000.0000",
      flags: ["amount_mismatch", "needs_review"],
    });
  });

  it("accepts a PAID after EXPIRED or CANCELLED (the money came), flagged", () => {
    for (const state of ["expired", "cancelled"] as const) {
      const v = verdictFor(row({ state }), payload(), okCheck(payload()));
      expect(v).toMatchObject({
        kind: "apply",
        reason: `${state} → paid; PAID after ${state}: the money came, accepted`,
        flags: ["paid_after_expiry"],
      });
    }
    // A late EXPIRED after PAID is stale, no flag.
    const late = payload({ status: "EXPIRED" });
    expect(verdictFor(row({ state: "paid" }), late, okCheck(late))).toMatchObject({
      flags: [],
      decision: { outcome: "stale" },
    });
  });

  it("flags a missing paid time only when this delivery makes the row paid", () => {
    const p = payload({ paid_at: null });
    expect(verdictFor(row(), p, okCheck(p))).toMatchObject({
      flags: ["paid_without_time"],
      decision: { outcome: "applied" },
    });
    expect(verdictFor(row({ state: "paid" }), p, okCheck(p))).toMatchObject({
      flags: [],
      decision: { outcome: "duplicate" },
    });
  });

  it("carries unknown_channel and unsafe_url findings, sorted, with their notes", () => {
    const p = payload({ event: { type: "crypto" }, payment_link_url: "javascript:alert(1)" });
    const safe = withoutUnsafeUrls(p, "production");
    const v = verdictFor(row(), safe.payload, okCheck(safe.payload), [
      { flag: "unsafe_url", note: safe.note! },
    ]);
    expect(v).toMatchObject({
      kind: "apply",
      flags: ["unknown_channel", "unsafe_url"],
      reason:
        'active → paid; unknown event.type "crypto"; payment_link_url "javascript:alert(1)" refused (not a safe https address)',
    });
  });

  it("never moves the state on an unknown status (the full path holds it first)", () => {
    const v = verdictFor(row(), payload({ status: "WEIRD" }), {
      ok: true,
      amount: "10000.0000",
      findings: [],
    });
    expect(v).toMatchObject({ decision: { outcome: "needs_review", changes: null } });
  });
});

describe("helpers", () => {
  it("heldFlags adds needs_review once", () => {
    expect(heldFlags(["conflicting_delivery"])).toEqual(["conflicting_delivery", "needs_review"]);
    expect(heldFlags(["needs_review"])).toEqual(["needs_review"]);
  });
  it("sameDecimal compares decimals exactly", () => {
    expect(sameDecimal("10000", "10000.0000")).toBe(true);
    expect(sameDecimal("10000.0001", "10000")).toBe(false);
  });
});
