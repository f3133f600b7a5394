import { describe, expect, it } from "vitest";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { closingAdjustments, recentlyAdjustedDays, reviewAdjustment } from "./closing-adjustments";
import { markDayReconciled } from "./reconciliation";
import { getReconciliationDayView, getReconciliationMonth } from "./reconciliation-view";
import { getReconciliationDay } from "@/db/queries/reconciliation-days";

const db = withTestDatabase();
const run = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
  queryTestDb<T>(db.url(), text, params);

// The business keeps its books in WIT; 7 Dec 2026 ends there at 15:00 UTC, in WIB at 17:00 UTC.
const day = "2026-12-07";
const wit = "Asia/Jayapura" as const;

async function user(role: string, name: string) {
  const [row] = await run<{ id: string }>(
    "insert into users (email, name, password_hash, role) values ($1, $2, 'x', $3) returning id",
    [`${name.toLowerCase()}@close.test`, name, role],
  );
  return { id: row!.id };
}

async function paid(paidAt: string, amount: number, state = "paid", settledAt?: string) {
  const [row] = await run<{ id: string }>(
    `insert into transactions (mode, channel, amount, fee, state, created_at, paid_at, settled_at, title)
     values ('local', 'virtual-account', $1, 1000, $2, $3::timestamptz - interval '1 hour', $3, $4, 'close test')
     returning id`,
    [amount, state, paidAt, settledAt ?? null],
  );
  return row!.id;
}

describe("a closed day is a fact", () => {
  it("is drawn in the business's zone, keeps its figures, flags what lands later until reviewed", async () => {
    await run(
      "insert into merchant_settings (id, default_time_zone) values (1, $1) on conflict (id) do update set default_time_zone = excluded.default_time_zone",
      [wit],
    );
    const maker = await user("finance", "Fina");
    const checker = await user("admin", "Adi");
    await paid("2026-12-07T02:00:00Z", 100000);
    await paid("2026-12-07T03:00:00Z", 50000, "settled", "2026-12-07T09:00:00Z");
    // 16:00 UTC: the WIT day has ended (the WIB one has not); the mark is the business's.
    const afterWitDay = new Date("2026-12-07T16:00:00Z");
    expect(await markDayReconciled(maker, "local", day, "statement", afterWitDay)).toEqual({
      ok: true,
    });
    const closing = (await getReconciliationDay("local", day))!;
    expect(closing.timeZone).toBe(wit);
    expect(closing.figures).toMatchObject({ paidCount: 2, paidAmount: "150000" });
    expect(await closingAdjustments("local", [closing])).toEqual([]);

    // 22:03 WIB is 00:03 WIT on the 8th: not this day, whoever looks.
    await paid("2026-12-07T15:03:00Z", 27000);
    expect(await closingAdjustments("local", [closing])).toEqual([]);

    // A payment of 23:30 WIT on the 7th, recorded after the close, is an adjustment.
    await paid("2026-12-07T14:30:00Z", 27000);
    const [moved] = await closingAdjustments("local", [closing]);
    expect(moved!.changes).toEqual([
      { figure: "paidCount", kind: "count", before: 2, now: 3, delta: 1 },
      { figure: "paidAmount", kind: "amount", before: "150000", now: "177000", delta: "27000" },
    ]);
    // The kept figures stay the record; the day and the month say it moved.
    const view = await getReconciliationDayView("local", wit, day, afterWitDay);
    expect(view.total.paid.amount).toBe("177000");
    expect(view.adjustment!.before.paidAmount).toBe("150000");
    expect(view.total.paid.href).toContain("tz=Asia/Jayapura");
    const month = await getReconciliationMonth("local", wit, "2026-12", afterWitDay);
    expect(month.days.find((d) => d.day === day)!.adjusted).toBe(true);
    expect(await recentlyAdjustedDays("local", afterWitDay)).toEqual([day]);

    // Reviewed: no longer flagged, audited; reviewing again finds nothing new.
    expect(await reviewAdjustment(checker, "local", day, "booked on the 8th")).toEqual({
      ok: true,
    });
    expect(await closingAdjustments("local", [closing])).toEqual([]);
    expect(await recentlyAdjustedDays("local", afterWitDay)).toEqual([]);
    expect(await reviewAdjustment(checker, "local", day, "again")).toEqual({
      ok: false,
      reason: "nothingChanged",
    });
    const [audit] = await run<{ actor_id: string; details: { after: { paidAmount: string } } }>(
      "select actor_id, details from audit_log where action = 'reconciliation.adjustment_reviewed'",
    );
    expect(audit!.actor_id).toBe(checker.id);
    expect(audit!.details.after.paidAmount).toBe("177000");

    // A settlement landing in the closed day moves it again.
    const late = await paid("2026-12-06T02:00:00Z", 40000);
    await run("update transactions set state = 'settled', settled_at = $2 where id = $1", [
      late,
      "2026-12-07T10:00:00Z",
    ]);
    const [again] = await closingAdjustments("local", [closing]);
    expect(again!.changes.map((c) => c.figure)).toEqual([
      "settledCount",
      "settledAmount",
      "fee",
      "net",
    ]);
    expect(again!.before.paidAmount).toBe("177000");
  });

  it("a day not closed, or rejected, has nothing to review", async () => {
    const who = await user("finance", "Nina");
    expect(await reviewAdjustment(who, "local", "2026-12-01", "x")).toEqual({
      ok: false,
      reason: "notFound",
    });
  });
});
