import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NewTransaction, Transaction } from "@/db/schema";
import { rank } from "@/lib/payments/lifecycle";
import type { CallbackPayload } from "@purwantara/contract/callback";
import type { ReceivedDelivery } from "./delivery";
import { planDelivery, type PlanContext } from "./plan";

const payload = (over: Partial<CallbackPayload> = {}): CallbackPayload => ({
  uuid: "u-1",
  status: "PAID",
  amount: "10000.0000",
  paid_at: "2026-11-23T05:00:00.123456Z",
  external_id: "PWD-1",
  event: { type: "virtual-account", channel: "BCA" },
  ...over,
});

const delivery = (over: Partial<CallbackPayload> = {}, id = "d-1"): ReceivedDelivery => ({
  deliveryId: id,
  headers: {},
  rawBody: Buffer.from("{}"),
  payload: payload(over),
  mode: "production",
  verifiedWith: "current",
  review: null,
  note: null,
});

const row = (over: Partial<Transaction> = {}): Transaction =>
  ({
    id: "t-1",
    mode: "production",
    channel: "virtual-account",
    purwantaraUuid: "u-1",
    externalId: "PWD-1",
    billId: null,
    amount: "10000.0000",
    state: "active",
    rawStatus: "ACTIVE",
    paidAt: null,
    settledAt: null,
    flags: [],
    ...over,
  }) as Transaction;

const ctx = (over: Partial<PlanContext> = {}): PlanContext => ({
  earlier: null,
  byUuid: null,
  bill: null,
  others: [],
  sameBuyer: [],
  ...over,
});

describe("planDelivery: one decision per delivery", () => {
  it("moves a row we hold forward, with its event", () => {
    const plan = planDelivery(delivery(), ctx({ byUuid: row() }));
    expect(plan.outcome).toBe("applied");
    expect(plan.write.update?.changes).toMatchObject({
      state: "paid",
      rawStatus: "PAID",
      // What Purwantara said the amount is, from a signed callback as from a create answer.
      confirmedAmount: "10000.0000",
    });
    expect(plan.write.event).toMatchObject({ fromState: "active", toState: "paid" });
    expect(plan.write.delivery).toMatchObject({ outcome: "applied", transactionId: "t-1" });
  });

  it("the same delivery id with the same bytes is a duplicate that changes nothing", () => {
    const plan = planDelivery(
      delivery(),
      ctx({ earlier: { id: "w", sameBody: true }, byUuid: row() }),
    );
    expect(plan.outcome).toBe("duplicate");
    expect(plan.write.update).toBeNull();
    expect(plan.write.delivery.transactionId).toBeNull();
  });

  it("the same delivery id with other bytes is a conflict that flags the row", () => {
    const plan = planDelivery(
      delivery(),
      ctx({ earlier: { id: "w", sameBody: false }, byUuid: row() }),
    );
    expect(plan.outcome).toBe("conflict");
    expect(plan.write.flagRows).toEqual([
      { id: "t-1", flags: ["conflicting_delivery", "needs_review"] },
    ]);
  });

  it("holds an amount that differs from ours", () => {
    const plan = planDelivery(delivery({ amount: "12000" }), ctx({ byUuid: row() }));
    expect(plan.outcome).toBe("needs_review");
    expect(plan.write.update).toBeNull();
    expect(plan.write.flagRows[0]?.flags).toContain("amount_mismatch");
  });

  it("takes our row for the bill whose uuid we do not know yet (the callback beat our create answer)", () => {
    const ours = row({ purwantaraUuid: null });
    const plan = planDelivery(delivery(), ctx({ bill: ours }));
    expect(plan.outcome).toBe("applied");
    expect(plan.write.insert).toBeNull();
    expect(plan.write.update?.changes).toMatchObject({ purwantaraUuid: "u-1", state: "paid" });
  });

  it("records a payment made elsewhere as a new row, outside_dashboard", () => {
    const plan = planDelivery(delivery({ external_id: null }), ctx());
    expect(plan.outcome).toBe("unmatched");
    expect(plan.write.insert).toMatchObject({
      mode: "production",
      purwantaraUuid: "u-1",
      state: "paid",
      billId: null,
      flags: ["outside_dashboard"],
    });
  });

  it("a second payment of one bill (another uuid, same external_id) is its own row; paid twice flags both", () => {
    const first = row({ id: "bill", purwantaraUuid: "u-bca", state: "paid" });
    const plan = planDelivery(
      delivery({ uuid: "u-bni", event: { type: "virtual-account", channel: "BNI" } }),
      ctx({ bill: first, others: [first] }),
    );
    expect(plan.outcome).toBe("unmatched");
    expect(plan.write.insert).toMatchObject({
      billId: "bill",
      purwantaraUuid: "u-bni",
      state: "paid",
    });
    expect(plan.write.insert?.flags).toEqual(["paid_twice"]);
    expect(plan.write.flagRows).toEqual([{ id: "bill", flags: ["paid_twice"] }]);
  });

  it("a bill's second VA still open is linked, not flagged; when it is paid later both are", () => {
    const first = row({ id: "bill", purwantaraUuid: "u-bca", state: "paid" });
    const opened = planDelivery(
      delivery({ uuid: "u-bni", status: "ACTIVE", paid_at: null }),
      ctx({ bill: first, others: [first] }),
    );
    expect(opened.write.insert?.flags).toEqual([]);
    const second = row({ id: "second", purwantaraUuid: "u-bni", billId: "bill" });
    const paid = planDelivery(
      delivery({ uuid: "u-bni" }),
      ctx({ byUuid: second, bill: first, others: [first] }),
    );
    expect(paid.write.update?.changes.flags).toEqual(["paid_twice"]);
    expect(paid.write.flagRows).toEqual([{ id: "bill", flags: ["paid_twice"] }]);
  });

  it("a VA and then a QRIS for one bill: the QRIS is recorded under the bill as a QRIS payment", () => {
    const va = row({ id: "bill", purwantaraUuid: "u-va", state: "paid" });
    const plan = planDelivery(
      delivery({ uuid: "u-qr", event: { type: "qris", channel: "qris_doku" } }),
      ctx({ bill: va, others: [va] }),
    );
    expect(plan.write.insert).toMatchObject({ channel: "qris", billId: "bill" });
    expect(plan.write.insert?.flags).toContain("paid_twice");
  });

  it("an e-wallet we do not sell keeps its own name, never filed as ShopeePay", () => {
    const plan = planDelivery(
      delivery({ external_id: null, event: { type: "ewallet", channel: "LinkAja" } }),
      ctx(),
    );
    expect(plan.write.insert).toMatchObject({
      channel: "ewallet-other",
      paymentChannel: "LinkAja",
    });
  });

  it("a zone-less paid time is read as WIB and flagged", () => {
    const plan = planDelivery(delivery({ paid_at: "2026-11-24 09:10:00" }), ctx({ byUuid: row() }));
    expect(plan.write.update?.changes.paidAt).toEqual(new Date("2026-11-24T02:10:00Z"));
    expect(plan.write.update?.changes.flags).toEqual(["time_zone_inferred"]);
  });

  it("a later PAID with a real paid time corrects one taken from the receive time", () => {
    const paid = row({
      state: "paid",
      paidAt: new Date("2026-11-23T09:00:00Z"),
      flags: ["paid_without_time"],
    });
    const plan = planDelivery(delivery(), ctx({ byUuid: paid }));
    expect(plan.outcome).toBe("duplicate");
    expect(plan.write.update?.changes.paidAt).toEqual(new Date("2026-11-23T05:00:00.123Z"));
    expect(plan.write.update?.changes.flags).toEqual([]);
  });

  it("flags a settlement before the payment and a fraction of a rupiah", () => {
    const plan = planDelivery(
      delivery({ status: "SETTLED", amount: "10000.5000", settle_at: "2026-11-22T00:00:00Z" }),
      ctx({ byUuid: row({ amount: "10000.5000" }) }),
    );
    expect(plan.write.update?.changes.flags).toEqual(["fractional_amount", "settled_before_paid"]);
  });

  it("a person's acceptance uses our amount; without a row it stays held", () => {
    const held = planDelivery(delivery({ amount: "0" }), ctx(), { accept: true });
    expect(held.outcome).toBe("needs_review");
    const accepted = planDelivery(delivery({ amount: "0" }), ctx({ byUuid: row() }), {
      accept: true,
    });
    expect(accepted.outcome).toBe("applied");
  });
});

// Any sequence of deliveries for one payment, in any order and with repeats, ends in
// the same state as the same deliveries sorted by the lifecycle, and each is recorded.
describe("planDelivery: order and repeats do not change where a payment ends", () => {
  const statuses = ["ACTIVE", "PAID", "SETTLED", "EXPIRED", "FAILED"] as const;

  function run(sequence: readonly string[]): { state: string | null; recorded: number } {
    let current: Transaction | null = null;
    let recorded = 0;
    sequence.forEach((status, i) => {
      const d = delivery(
        { status, external_id: null, paid_at: status === "ACTIVE" ? null : undefined },
        `d-${i}`,
      );
      const plan = planDelivery(d, ctx({ byUuid: current }));
      recorded += 1;
      if (plan.write.insert)
        current = row({ ...(plan.write.insert as Partial<Transaction>), id: "t" });
      else if (current && plan.write.update) {
        current = {
          ...current,
          ...(plan.write.update.changes as Partial<NewTransaction>),
        } as Transaction;
      }
    });
    return { state: current ? (current as Transaction).state : null, recorded };
  }

  it("holds for every sequence", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...statuses), { minLength: 1, maxLength: 8 }),
        (sequence) => {
          const shuffled = run(sequence);
          const sorted = run([...sequence].sort((a, b) => rank[stateOf(a)] - rank[stateOf(b)]));
          expect(shuffled.state).toBe(sorted.state);
          expect(shuffled.recorded).toBe(sequence.length);
        },
      ),
    );
  });

  const stateOf = (s: string) =>
    ({ ACTIVE: "active", PAID: "paid", SETTLED: "settled", EXPIRED: "expired", FAILED: "failed" })[
      s
    ] as keyof typeof rank;
});
