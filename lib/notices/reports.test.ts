import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { describe, expect, inject, it } from "vitest";
import { addDecimals } from "@/lib/core/money";
import type { TimeZone } from "@/lib/core/time";
import { formatMoney } from "@/lib/format";
import { deliverOutboxRow } from "@/lib/mail/outbox";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { listTotalsAt } from "@/testing/list-totals";
import { withMailCatcher } from "@/testing/mail";
import { insertNoticeUser, insertPayment } from "@/testing/notices";
import type { RecapFigures, StatementFigures } from "./figures";
import { runScheduledReports } from "./reports";

const db = withTestDatabase();
const { mail } = withMailCatcher();
const address = (name: string) => `${name}-${randomUUID().slice(0, 8)}@reports.example.com`;
const at = (iso: string) => new Date(iso);

type RowFigures = { channel: string; count: number; amount: string; fees: string; unknown: number };

/** Counted straight from the rows: paid or settled, `column` inside [start, end), by channel. */
async function fromRows(
  column: "paid_at" | "settled_at",
  start: Date,
  end: Date,
  states: string[],
) {
  const rows = await queryTestDb<RowFigures>(
    db.url(),
    `select channel, count(*)::int as count, sum(amount)::text as amount,
       coalesce(sum(fee), 0)::text as fees, (count(*) filter (where fee is null))::int as unknown
     from transactions where mode = 'production' and state = any($3)
       and ${column} >= $1 and ${column} < $2
     group by channel order by channel`,
    [start, end, states],
  );
  return rows.map((r) => ({ ...r, amount: addDecimals(r.amount), fees: addDecimals(r.fees) }));
}

const outboxRows = (to: string) =>
  queryTestDb<{ id: string; template: string; data: Record<string, string> }>(
    db.url(),
    "select id, template, data from email_outbox where recipient = $1 order by created_at",
    [to],
  );

describe("the daily recap and the monthly statement", () => {
  it("sends yesterday's recap at 07:00 in each zone, its figures the rows', with the export's XLSX", async () => {
    // Yesterday is 9 Nov 2026 in both zones; each payment lies in one zone's day, or both.
    const payments = [
      { channel: "qris", amount: "100000", fee: "700", paidAt: at("2026-11-08T16:00:00Z") },
      {
        channel: "virtual-account",
        amount: "250000",
        fee: null,
        paidAt: at("2026-11-09T16:00:00Z"),
      },
      { channel: "qris", amount: "40000", fee: "280", paidAt: at("2026-11-09T05:00:00Z") },
      {
        channel: "virtual-account",
        amount: "60000",
        fee: "4000",
        paidAt: at("2026-11-09T10:00:00Z"),
      },
    ];
    const refs: string[] = [];
    for (const p of payments)
      refs.push((await insertPayment(db.url(), { ...p, event: false })).externalId);
    await insertPayment(db.url(), { amount: "30000", state: "active", event: false });
    const wib = address("finance-wib");
    const wit = address("finance-wit");
    const preferences = { dailyRecap: true, recapAttachXlsx: true };
    await insertNoticeUser(db.url(), { email: wib, role: "finance", locale: "en", preferences });
    await insertNoticeUser(db.url(), {
      email: wit,
      role: "admin",
      timeZone: "Asia/Jayapura",
      preferences,
    });
    await insertNoticeUser(db.url(), {
      email: address("operator-recap"),
      role: "operator",
      preferences,
    });

    // 06:30 WIB is 08:30 WIT: only the WIT person's morning has come.
    const early = await runScheduledReports(at("2026-11-09T23:30:00Z"));
    expect(early).toHaveLength(1);
    expect(await outboxRows(wib)).toEqual([]);
    const later = await runScheduledReports(at("2026-11-10T01:00:00Z"));
    expect(later).toHaveLength(1); // the WIB recap; the WIT one is written once
    expect(await runScheduledReports(at("2026-11-10T01:15:00Z"))).toEqual([]);

    const cases: [string, TimeZone, Date, Date][] = [
      [wib, "Asia/Jakarta", at("2026-11-08T17:00:00Z"), at("2026-11-09T17:00:00Z")],
      [wit, "Asia/Jayapura", at("2026-11-08T15:00:00Z"), at("2026-11-09T15:00:00Z")],
    ];
    for (const [to, zone, start, end] of cases) {
      const [row] = await outboxRows(to);
      const figures = JSON.parse(row!.data.figures!) as RecapFigures;
      expect(figures.day).toBe("2026-11-09");
      const expected = await fromRows("paid_at", start, end, ["paid", "settled"]);
      expect(figures.channels.map((c) => c.channel)).toEqual(expected.map((e) => e.channel));
      for (const [i, line] of figures.channels.entries()) {
        const rows = expected[i]!;
        expect([line.paidCount, addDecimals(line.paidAmount), addDecimals(line.fees)]).toEqual([
          rows.count,
          rows.amount,
          rows.fees,
        ]);
        // Unknown fees are counted, not taken as zero: net is over the known part only.
        expect(line.unknownFeeCount).toBe(rows.unknown);
        // The link's list shows exactly this line's figures.
        const listed = await listTotalsAt(
          line.link,
          "production",
          zone,
          at("2026-11-10T01:00:00Z"),
        );
        expect(listed.paidCount).toBe(line.paidCount);
      }
      const count = expected.reduce((n, e) => n + e.count, 0);
      expect(figures.total.paidCount).toBe(count);
      expect(addDecimals(figures.total.paidAmount)).toBe(
        addDecimals(...expected.map((e) => e.amount)),
      );
      expect(figures.open.count).toBe(1);

      expect((await deliverOutboxRow(row!.id)).outcome).toBe("sent");
      const [message] = await mail.waitFor(to);
      const locale = to === wib ? "en" : "id";
      expect(message!.text).toContain(formatMoney(figures.total.paidAmount, locale));
      expect(message!.html).toContain("http://dashboard.test/transactions?");
      if (expected.some((e) => e.unknown > 0))
        expect(message!.text).toMatch(locale === "en" ? /1 fee not reported yet/ : /1 biaya belum/);
      // The attachment is the export's XLSX for the day's paid rows, opened and read.
      expect(message!.attachments).toHaveLength(1);
      const bytes = await fetch(
        `${inject("mailCatcherUrl")}/api/messages/${message!.id}/attachments/0`,
      );
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await bytes.arrayBuffer());
      const sheet = book.worksheets[0]!;
      expect(sheet.rowCount - 1).toBe(count);
      const cells = JSON.stringify(sheet.getSheetValues());
      const inDay = payments
        .map((p, i) => ({ ...p, ref: refs[i]! }))
        .filter((p) => p.paidAt >= start && p.paidAt < end);
      for (const p of inDay) expect(cells).toContain(p.ref);
      expect(inDay).toHaveLength(count);
    }
  }, 90_000);

  it("sends last month's settled totals by channel and day on the 1st, in WIB and WIT", async () => {
    const settled = [
      { channel: "qris", amount: "70000", settledAt: at("2026-11-30T16:00:00Z") }, // WIB Nov, WIT Dec
      { channel: "qris", amount: "45000", settledAt: at("2026-10-31T16:00:00Z") }, // WIB Oct, WIT Nov
      { channel: "counter", amount: "125000", settledAt: at("2026-11-15T03:00:00Z") },
    ];
    for (const s of settled)
      await insertPayment(db.url(), { ...s, state: "settled", paidAt: s.settledAt, event: false });
    const wib = address("statement-wib");
    const wit = address("statement-wit");
    await insertNoticeUser(db.url(), {
      email: wib,
      role: "finance",
      locale: "en",
      preferences: { monthlyStatement: true },
    });
    await insertNoticeUser(db.url(), {
      email: wit,
      role: "finance",
      timeZone: "Asia/Jayapura",
      preferences: { monthlyStatement: true },
    });
    await runScheduledReports(at("2026-11-30T23:30:00Z")); // 06:30 WIB, 08:30 WIT
    expect(await outboxRows(wib)).toEqual([]);
    expect(await outboxRows(wit)).toHaveLength(1);
    await runScheduledReports(at("2026-12-01T01:00:00Z"));
    await runScheduledReports(at("2026-12-01T02:00:00Z"));
    expect(await outboxRows(wib)).toHaveLength(1);
    expect(await outboxRows(wit)).toHaveLength(1);
    const cases: [string, string, Date, Date][] = [
      [wib, "Asia/Jakarta", at("2026-10-31T17:00:00Z"), at("2026-11-30T17:00:00Z")],
      [wit, "Asia/Jayapura", at("2026-10-31T15:00:00Z"), at("2026-11-30T15:00:00Z")],
    ];
    for (const [to, offset, start, end] of cases) {
      const [row] = await outboxRows(to);
      const figures = JSON.parse(row!.data.figures!) as StatementFigures;
      expect(figures.month).toBe("2026-11-01");
      const expected = await fromRows("settled_at", start, end, ["settled"]);
      expect(
        figures.channels.map((c) => [c.channel, c.paidCount, addDecimals(c.paidAmount)]),
      ).toEqual(expected.map((e) => [e.channel, e.count, e.amount]));
      const days = await queryTestDb<{ day: string; count: number }>(
        db.url(),
        `select to_char(settled_at at time zone $3, 'YYYY-MM-DD') as day, count(*)::int as count
         from transactions where mode = 'production' and state = 'settled'
           and settled_at >= $1 and settled_at < $2 group by 1 order by 1`,
        [start, end, offset],
      );
      expect(figures.days.map((d) => [d.day, d.paidCount])).toEqual(
        days.map((d) => [d.day, d.count]),
      );
      expect((await deliverOutboxRow(row!.id)).outcome).toBe("sent");
      const [message] = await mail.waitFor(to);
      expect(message!.subject).toContain("November 2026"); // "November 2026" in both languages
      expect(message!.text).toContain(
        formatMoney(figures.total.paidAmount, to === wib ? "en" : "id"),
      );
    }
  }, 90_000);
});
