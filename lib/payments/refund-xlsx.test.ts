import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n/messages";
import { addDecimals } from "@/lib/core/money";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { sheetFormats } from "./export-columns";
import { refundsXlsx } from "./refund-export";
import { decideRefund, requestRefund } from "./refunds";

const db = withTestDatabase();
const zone = "Asia/Jayapura" as const;
const q = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  queryTestDb<T>(db.url(), sql, params);

let people = 0;
async function makeUser(role: "finance" | "operator") {
  people += 1;
  const [row] = await q<{ id: string }>(
    "insert into users (email, name, password_hash, role) values ($1, $2, 'x', $3) returning id",
    [`xlsx.${people}@example.com`, `Person ${people}`, role],
  );
  return { id: row!.id, timeZone: zone };
}

async function payment(amount: number, mode = "local") {
  const [row] = await q<{ id: string }>(
    `insert into transactions (mode, channel, amount, state, paid_at, title, external_id)
     values ($1, 'qris', $2, 'paid', now(), 'xlsx refund', $3) returning id`,
    [mode, amount, `PWD-${amount}`],
  );
  return row!.id;
}

const cellText = (v: ExcelJS.CellValue) => (v === null || v === undefined ? null : v);

describe("the refunds workbook", () => {
  it("reads back cell by cell: words, rupiah numbers, dates on the reader's clock, audited", async () => {
    const clerk = await makeUser("operator");
    const checker = await makeUser("finance");
    const first = await payment(90_000);
    const second = await payment(50_000);
    const approved = await requestRefund(clerk, "local", first, {
      amount: 15_000n,
      reason: "paid_twice",
      note: null,
      method: "bank_transfer",
      bank: "BCA",
      account: "0012345678",
      refundedOn: "2026-11-07",
    });
    const waiting = await requestRefund(clerk, "local", second, {
      amount: 20_500n,
      reason: "other",
      note: "rusak",
      method: "cash",
      bank: null,
      account: null,
      refundedOn: "2026-11-08",
    });
    // Another mode's refund in the range stays out.
    const live = await requestRefund(clerk, "production", await payment(70_000, "production"), {
      amount: 1_000n,
      reason: "other",
      note: "x",
      method: "cash",
      bank: null,
      account: null,
      refundedOn: "2026-11-07",
    });
    if (!approved.ok || !waiting.ok || !live.ok) throw new Error("refused");
    await decideRefund(checker, "local", approved.id, "approved", "ok");

    const file = await refundsXlsx({
      user: checker,
      mode: "local",
      from: "2026-11-01",
      to: "2026-11-30",
      zone,
      locale: "en",
      separator: "comma",
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("refunds")!;
    const en = messagesFor("en");
    const names = en.export.refundColumns;
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(header).toContain(`${names.requested_at} (WIT)`);
    expect(header[0]).toBe(names.refunded_on);
    const col = (name: string) => header.indexOf(name) + 1;

    const direct = await q<{
      id: string;
      amount: string;
      refunded_on: string;
      requested_at: Date;
      state: string;
    }>(
      `select id::text, amount::text, refunded_on::text, requested_at, state::text from refunds
        where mode = 'local' and refunded_on between '2026-11-01' and '2026-11-30'
        order by refunded_on, requested_at, id`,
    );
    expect(sheet.rowCount).toBe(1 + direct.length);
    let sum = "0";
    direct.forEach((d, i) => {
      const row = sheet.getRow(i + 2);
      const cell = (name: string) => row.getCell(col(name));
      expect(cell(names.id).value).toBe(d.id);
      expect(cell(names.amount).value).toBe(Number(d.amount));
      expect(cell(names.amount).numFmt).toBe(sheetFormats.rupiah);
      sum = addDecimals(sum, String(cell(names.amount).value));
      expect(cell(names.refunded_on).value).toEqual(new Date(`${d.refunded_on}T00:00:00Z`));
      expect(cell(names.refunded_on).numFmt).toBe(sheetFormats.day);
      // A date on the WIT clock (UTC+9), to the second.
      const wit = new Date(Math.floor(d.requested_at.getTime() / 1000) * 1000 + 9 * 3_600_000);
      expect(cell(`${names.requested_at} (WIT)`).value).toEqual(wit);
      expect(cell(`${names.requested_at} (WIT)`).numFmt).toBe(sheetFormats.time);
      expect(cell(names.state).value).toBe(en.refunds.state[d.state as "approved"]);
    });
    const sumDirect = await q<{ sum: string }>(
      "select sum(amount)::text as sum from refunds where mode = 'local' and refunded_on between '2026-11-01' and '2026-11-30'",
    );
    expect(sum).toBe(addDecimals(sumDirect[0]!.sum));

    const mine = sheet.getRow(direct.findIndex((d) => d.id === approved.id) + 2);
    expect(mine.getCell(col(names.account)).value).toBe("0012345678");
    expect(mine.getCell(col(names.reason)).value).toBe(en.refunds.reason.paid_twice);
    expect(mine.getCell(col(names.method)).value).toBe(en.refunds.method.bank_transfer);
    expect(mine.getCell(col(names.payment_amount)).value).toBe(90000);
    expect(cellText(mine.getCell(col(names.decision_note)).value)).toBe("ok");
    const other = sheet.getRow(direct.findIndex((d) => d.id === waiting.id) + 2);
    expect(other.getCell(col(names.state)).value).toBe(en.refunds.state.requested);
    expect(cellText(other.getCell(col(`${names.decided_at} (WIT)`)).value)).toBeNull();

    const [audit] = await q<{ details: { rows: number; sha256: string }; mode: string }>(
      "select details, mode::text from audit_log where action = 'export.refunds_xlsx' and actor_id = $1",
      [checker.id],
    );
    expect(audit).toMatchObject({ mode: "local", details: { rows: direct.length } });
    expect(audit!.details.sha256).toBe(createHash("sha256").update(file).digest("hex"));
  });
});
