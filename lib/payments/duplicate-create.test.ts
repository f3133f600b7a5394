import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  buyerKey,
  duplicateWindowMs,
  findNearDuplicate,
  type RecentCreate,
} from "./duplicate-create";

const now = new Date("2026-12-07T10:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

const earlier = (over: Partial<RecentCreate> = {}): RecentCreate => ({
  id: randomUUID(),
  channel: "virtual-account",
  amount: "150000.0000",
  title: "Kain songket",
  customerName: "Sari Wulandari",
  customerEmail: null,
  customerPhone: null,
  state: "active",
  createdAt: minutesAgo(2),
  idempotencyKey: randomUUID(),
  ...over,
});

const candidate = (over: Partial<Parameters<typeof findNearDuplicate>[0]> = {}) => ({
  channel: "virtual-account",
  amount: "150000",
  title: "Kain songket",
  customerName: "  sari   wulandari ",
  customerEmail: null,
  customerPhone: null,
  idempotencyKey: randomUUID(),
  ...over,
});

describe("a near-identical create", () => {
  it("is the same channel, buyer and amount, still open, made minutes ago", () => {
    const first = earlier();
    expect(findNearDuplicate(candidate(), [first], now)?.id).toBe(first.id);
  });

  it("names the newest of several", () => {
    const older = earlier({ createdAt: minutesAgo(8) });
    const newer = earlier({ createdAt: minutesAgo(1) });
    expect(findNearDuplicate(candidate(), [older, newer], now)?.id).toBe(newer.id);
  });

  it("is not another amount, buyer or channel", () => {
    expect(findNearDuplicate(candidate({ amount: "150001" }), [earlier()], now)).toBeNull();
    expect(findNearDuplicate(candidate({ customerName: "Andi" }), [earlier()], now)).toBeNull();
    expect(findNearDuplicate(candidate({ channel: "counter" }), [earlier()], now)).toBeNull();
  });

  it("is not a payment older than the window, or one already paid or closed", () => {
    const old = earlier({ createdAt: new Date(now.getTime() - duplicateWindowMs - 1000) });
    expect(findNearDuplicate(candidate(), [old], now)).toBeNull();
    for (const state of ["paid", "settled", "expired", "cancelled", "failed_to_create"] as const)
      expect(findNearDuplicate(candidate(), [earlier({ state })], now)).toBeNull();
  });

  it("is not the same form sent twice (its one-time key makes it the same payment)", () => {
    const first = earlier();
    const again = candidate({ idempotencyKey: first.idempotencyKey! });
    expect(findNearDuplicate(again, [first], now)).toBeNull();
  });

  it("knows a buyer by phone whether written 08… or +62 8…", () => {
    const first = earlier({ customerName: null, customerPhone: "+62 812-3456-7890" });
    const byPhone = candidate({ customerName: null, customerPhone: "081234567890" });
    expect(findNearDuplicate(byPhone, [first], now)?.id).toBe(first.id);
  });

  it("knows a payment link by its title, and never guesses when nothing names the buyer", () => {
    const link = earlier({ channel: "payment-link", customerName: null, title: "Kelas batik" });
    const again = candidate({ channel: "payment-link", customerName: null, title: "kelas  batik" });
    expect(findNearDuplicate(again, [link], now)?.id).toBe(link.id);
    const blank = { customerName: null, customerEmail: null, customerPhone: null, title: null };
    expect(buyerKey(blank)).toBe("");
    expect(findNearDuplicate(candidate({ ...blank }), [earlier({ ...blank })], now)).toBeNull();
  });
});
