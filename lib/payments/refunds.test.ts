import { describe, expect, it } from "vitest";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { streamFilteredTransactions } from "@/db/queries/transaction-list";
import { exportColumns, exportValues } from "./export-columns";
import { exact } from "@/testing/list-totals";
import { getRefundProof } from "@/db/queries/refund-proofs";
import { proofFromFile, sniffProofType } from "./refund-proof";
import { refundsCsv } from "./refund-export";
import { messagesFor } from "@/lib/i18n/messages";
import { parseCsv, shownText } from "@/testing/csv";
import { getOverview } from "./overview";
import { markDayReconciled } from "./reconciliation";
import { parseTransactionFilter } from "@/lib/core/transaction-filter/parse";
import { getTransactionListPage } from "./transaction-list";
import { resolveFilter } from "@/lib/core/transaction-filter/resolve";
import type { RefundRequestInput } from "./refund-schema";
import { getDayRefunds } from "./refund-view";
import { decideRefund, requestRefund } from "./refunds";

const db = withTestDatabase();
const zone = "Asia/Jakarta" as const;
// 12:00 WIB on 20 Nov 2026: 19 Nov has ended.
const now = new Date("2026-11-20T05:00:00Z");

let people = 0;
async function makeUser(role: "finance" | "admin" | "operator") {
  people += 1;
  const [row] = await queryTestDb<{ id: string }>(
    db.url(),
    "insert into users (email, name, password_hash, role) values ($1, $2, 'x', $3) returning id",
    [`refunds.${people}@example.com`, `Person ${people}`, role],
  );
  return { id: row!.id, timeZone: zone };
}

async function payment(amount: number, state = "paid", mode = "local", confirmed?: number) {
  const [row] = await queryTestDb<{ id: string }>(
    db.url(),
    `insert into transactions (mode, channel, amount, confirmed_amount, state, paid_at, title)
     values ($1, 'virtual-account', $2, $3, $4, now(), 'refund test') returning id`,
    [mode, amount, confirmed ?? null, state],
  );
  return row!.id;
}

const ask = (amount: bigint, refundedOn = "2026-11-19"): RefundRequestInput => ({
  amount,
  reason: "goods_returned",
  note: null,
  method: "cash",
  bank: null,
  account: null,
  refundedOn,
});

async function refundsOf(transactionId: string) {
  return queryTestDb<{ amount: string; state: string }>(
    db.url(),
    "select amount::text, state::text from refunds where transaction_id = $1 order by requested_at",
    [transactionId],
  );
}

async function auditsOf(refundId: string) {
  const rows = await queryTestDb<{ action: string }>(
    db.url(),
    "select action from audit_log where target_type = 'refund' and target_id = $1 order by id",
    [refundId],
  );
  return rows.map((r) => r.action);
}

describe("requesting refunds", () => {
  it("allows partial refunds up to what was paid, and not one rupiah more", async () => {
    const clerk = await makeUser("operator");
    const id = await payment(100_000);
    expect(await requestRefund(clerk, "local", id, ask(40_000n))).toMatchObject({ ok: true });
    expect(await requestRefund(clerk, "local", id, ask(60_001n))).toEqual({
      ok: false,
      reason: "tooMuch",
      left: "60000",
    });
    const last = await requestRefund(clerk, "local", id, ask(60_000n));
    expect(last).toMatchObject({ ok: true });
    expect(await requestRefund(clerk, "local", id, ask(1n))).toMatchObject({ reason: "tooMuch" });
    expect((await refundsOf(id)).map((r) => r.amount)).toEqual(["40000.0000", "60000.0000"]);
    if (!last.ok) throw new Error("unreachable");
    expect(await auditsOf(last.id)).toEqual(["refund.requested"]);
  });

  it("counts what Purwantara confirmed, and a rejected refund frees its amount", async () => {
    const clerk = await makeUser("finance");
    const checker = await makeUser("admin");
    const id = await payment(100_000, "settled", "local", 90_000);
    expect(await requestRefund(clerk, "local", id, ask(90_001n))).toMatchObject({
      reason: "tooMuch",
      left: "90000",
    });
    const first = await requestRefund(clerk, "local", id, ask(90_000n));
    if (!first.ok) throw new Error("first refund refused");
    expect(await decideRefund(checker, "local", first.id, "rejected", "wrong slip")).toMatchObject({
      ok: true,
    });
    expect(await requestRefund(clerk, "local", id, ask(90_000n))).toMatchObject({ ok: true });
  });

  it("weighs two requests at once one after the other: only one fits", async () => {
    const [a, b] = [await makeUser("operator"), await makeUser("finance")];
    const id = await payment(100_000);
    const results = await Promise.all([
      requestRefund(a, "local", id, ask(60_000n)),
      requestRefund(b, "local", id, ask(60_000n)),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "tooMuch", left: "40000" }]);
    const many = await Promise.all(
      Array.from({ length: 6 }, (_, i) => requestRefund(i % 2 ? a : b, "local", id, ask(15_000n))),
    );
    expect(many.filter((r) => r.ok)).toHaveLength(2);
    const total = (await refundsOf(id)).reduce(
      (sum, r) => sum + BigInt(r.amount.split(".")[0]!),
      0n,
    );
    expect(total).toBe(90_000n);
  });

  it("refuses a payment not paid, and one of the other mode", async () => {
    const clerk = await makeUser("operator");
    expect(await requestRefund(clerk, "local", await payment(50_000, "active"), ask(1n))).toEqual({
      ok: false,
      reason: "notPaid",
    });
    const live = await payment(50_000, "paid", "production");
    expect(await requestRefund(clerk, "local", live, ask(1n))).toEqual({
      ok: false,
      reason: "notFound",
    });
    expect(await refundsOf(live)).toEqual([]);
  });
});

describe("deciding refunds", () => {
  it("never lets the requester approve their own refund", async () => {
    const clerk = await makeUser("finance");
    const id = await payment(75_000);
    const asked = await requestRefund(clerk, "local", id, ask(75_000n));
    if (!asked.ok) throw new Error("refused");
    expect(await decideRefund(clerk, "local", asked.id, "approved", null)).toEqual({
      ok: false,
      reason: "ownRequest",
    });
    expect((await refundsOf(id))[0]!.state).toBe("requested");
    expect(await auditsOf(asked.id)).toEqual(["refund.requested"]);
  });

  it("lets one of two decisions at once win", async () => {
    const clerk = await makeUser("operator");
    const [first, second] = [await makeUser("finance"), await makeUser("admin")];
    const id = await payment(30_000);
    const asked = await requestRefund(clerk, "local", id, ask(10_000n));
    if (!asked.ok) throw new Error("refused");
    const results = await Promise.all([
      decideRefund(first, "local", asked.id, "approved", null),
      decideRefund(second, "local", asked.id, "rejected", "no slip"),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "notWaiting" }]);
    const audits = await auditsOf(asked.id);
    expect(audits).toHaveLength(2);
    expect(audits[0]).toBe("refund.requested");
    const [row] = await refundsOf(id);
    expect(`refund.${row!.state}`).toBe(audits[1]);
  });
});

describe("closing a day with refunds", () => {
  it("shows the day's approved refunds, and cannot be marked while one of that day waits", async () => {
    const clerk = await makeUser("operator");
    const [maker, checker] = [await makeUser("finance"), await makeUser("admin")];
    const id = await payment(20_000);
    const asked = await requestRefund(clerk, "local", id, ask(5_000n, "2026-11-18"));
    if (!asked.ok) throw new Error("refused");
    expect(await markDayReconciled(maker, "local", "2026-11-18", "checked", now)).toEqual({
      ok: false,
      reason: "refundsWaiting",
    });
    // Another day is not held back by it.
    expect(await markDayReconciled(maker, "local", "2026-11-17", "checked", now)).toEqual({
      ok: true,
    });
    expect(await getDayRefunds("local", "2026-11-18")).toEqual({
      channels: [],
      total: { count: 0, amount: "0" },
      waiting: 1,
    });
    await decideRefund(checker, "local", asked.id, "approved", null);
    expect(await getDayRefunds("local", "2026-11-18")).toEqual({
      channels: [{ channel: "virtual-account", count: 1, amount: "5000.0000" }],
      total: { count: 1, amount: "5000" },
      waiting: 0,
    });
    // The live world's day is its own.
    expect((await getDayRefunds("production", "2026-11-18")).total.count).toBe(0);
    expect(await markDayReconciled(maker, "local", "2026-11-18", "checked", now)).toEqual({
      ok: true,
    });
  });
});

describe("refunds dated a day being closed", () => {
  it("are refused once the day is marked, and a mark and a request at once never both pass", async () => {
    const clerk = await makeUser("operator");
    const maker = await makeUser("finance");
    const id = await payment(40_000);
    expect(await markDayReconciled(maker, "local", "2026-11-16", "checked", now)).toEqual({
      ok: true,
    });
    expect(await requestRefund(clerk, "local", id, ask(1_000n, "2026-11-16"))).toEqual({
      ok: false,
      reason: "dayClosed",
    });
    for (const day of ["2026-11-10", "2026-11-11", "2026-11-12"]) {
      const [mark, asked] = await Promise.all([
        markDayReconciled(maker, "local", day, "checked", now),
        requestRefund(clerk, "local", id, ask(1_000n, day)),
      ]);
      expect([mark.ok, asked.ok].filter(Boolean), day).toHaveLength(1);
      if (!mark.ok) expect(mark.reason).toBe("refundsWaiting");
      if (!asked.ok) expect(asked.reason).toBe("dayClosed");
    }
  });
});

describe("exports with refunds", () => {
  it("carry each payment's approved refunds in the refunded column, and nothing else", async () => {
    const clerk = await makeUser("operator");
    const checker = await makeUser("finance");
    const id = await payment(80_000);
    const approved = await requestRefund(clerk, "local", id, ask(30_000n));
    const waiting = await requestRefund(clerk, "local", id, ask(20_000n));
    if (!approved.ok || !waiting.ok) throw new Error("refused");
    await decideRefund(checker, "local", approved.id, "approved", null);
    const untouched = await payment(10_000);
    const { filter } = parseTransactionFilter(new URLSearchParams(`q=${id}`));
    const cells = async (q: string) => {
      const resolved = resolveFilter({ ...filter, q }, "local", zone, now);
      const found: (string | null)[][] = [];
      await streamFilteredTransactions(resolved, {
        onTotals: () => {},
        onRows: async (rows) => void found.push(...rows.map((r) => exportValues(r, zone))),
      });
      return found;
    };
    const column = exportColumns.findIndex((c) => c.key === "refunded");
    expect((await cells(id)).map((row) => row[column])).toEqual(["30000"]);
    expect((await cells(untouched)).map((row) => row[column])).toEqual([null]);
  });
});

describe("refunds in the list", () => {
  it("filter payments by where they stand with refunds, and total what went back", async () => {
    const clerk = await makeUser("operator");
    const checker = await makeUser("finance");
    const tag = `rf${Date.now()}`;
    const titled = async (amount: number) => {
      const id = await payment(amount);
      await queryTestDb(db.url(), "update transactions set title = $2 where id = $1", [id, tag]);
      return id;
    };
    const full = await titled(50_000);
    const partly = await titled(70_000);
    const waiting = await titled(30_000);
    const none = await titled(20_000);
    const approve = async (id: string, amount: bigint) => {
      const asked = await requestRefund(clerk, "local", id, ask(amount));
      if (!asked.ok) throw new Error("refused");
      await decideRefund(checker, "local", asked.id, "approved", null);
    };
    await approve(full, 20_000n);
    await approve(full, 30_000n);
    await approve(partly, 10_000n);
    const asked = await requestRefund(clerk, "local", waiting, ask(5_000n));
    if (!asked.ok) throw new Error("refused");
    const ids = async (query: string) => {
      const resolved = resolveFilter(
        parseTransactionFilter(new URLSearchParams(`q=${tag}&${query}`)).filter,
        "local",
        zone,
        now,
      );
      const page = await getTransactionListPage(resolved, { limit: 50 });
      return { ids: page.items.map((i) => i.id).sort(), totals: page.totals };
    };
    expect((await ids("refund=refunded")).ids).toEqual([full]);
    expect((await ids("refund=partly_refunded")).ids).toEqual([partly]);
    expect((await ids("refund=refund_waiting")).ids).toEqual([waiting]);
    expect((await ids("refund=not_refunded")).ids).toEqual([none]);
    expect((await ids("refund=refunded,partly_refunded")).ids).toEqual([full, partly].sort());
    // The totals line carries what went back on the set's payments, as the rows say.
    const all = await ids("");
    expect(all.totals).toMatchObject({ count: 4, refundedCount: 2, refunded: "60000.0000" });
    const [direct] = await queryTestDb<{ n: number; amount: string }>(
      db.url(),
      `select count(distinct r.transaction_id)::int as n, sum(r.amount)::text as amount
         from refunds r join transactions t on t.id = r.transaction_id
        where t.title = $1 and r.state = 'approved'`,
      [tag],
    );
    expect({ n: all.totals.refundedCount, amount: all.totals.refunded }).toEqual(direct);
    // The overview: the paid-twice queue and what went back, each its list's figure.
    await queryTestDb(
      db.url(),
      "update transactions set flags = '{paid_twice}' where id = any($1)",
      [[none, partly]],
    );
    const overview = await getOverview("local", zone);
    expect(overview.paidTwice.count).toBe(1);
    expect(overview.paidTwice.href).toBe(
      "/transactions?status=paid,settled&flag=paid_twice&refund=not_refunded",
    );
    // Every payment of this file was paid just now: the 30 days hold all their refunds.
    const [counted] = await queryTestDb<{ n: number; amount: string }>(
      db.url(),
      `select count(distinct r.transaction_id)::int as n, sum(r.amount)::text as amount
         from refunds r join transactions t on t.id = r.transaction_id
        where t.mode = 'local' and r.state = 'approved'`,
    );
    expect(exact(overview.refunded.amount)).toBe(exact(counted!.amount));
    expect(overview.refunded.count).toBe(counted!.n);
    expect((await ids("refund=partly_refunded")).totals).toMatchObject({
      count: 1,
      refundedCount: 1,
      refunded: "10000.0000",
    });
  });
});

describe("proof of a refund", () => {
  const png = Buffer.from(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
      "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a00000000049454e44ae426082",
    "hex",
  );

  it("is kept by its bytes' type with the request, and refused when it is not an image or PDF", async () => {
    expect(sniffProofType(png)).toBe("image/png");
    expect(sniffProofType(Buffer.from("%PDF-1.7\n"))).toBe("application/pdf");
    expect(sniffProofType(Buffer.from("<svg onload=alert(1)>"))).toBeNull();
    // The browser's claim does not count: an HTML page called slip.png is refused.
    const html = new File(["<html><script>x</script></html>"], "slip.png", { type: "image/png" });
    expect(await proofFromFile(html)).toEqual({ refused: "proofType" });
    const huge = new File([Buffer.alloc(5 * 1024 * 1024 + 1)], "big.pdf");
    expect(await proofFromFile(huge)).toEqual({ refused: "proofTooBig" });
    expect(await proofFromFile(new File([], "none"))).toEqual({ proof: null });

    const file = await proofFromFile(new File([png], "slip.jpg", { type: "image/jpeg" }));
    if (!("proof" in file) || !file.proof) throw new Error("refused");
    const clerk = await makeUser("operator");
    const id = await payment(25_000);
    const asked = await requestRefund(clerk, "local", id, ask(25_000n), file.proof);
    if (!asked.ok) throw new Error("refused");
    const kept = await getRefundProof(asked.id, "local");
    expect(kept!.contentType).toBe("image/png");
    expect(kept!.bytes.equals(png)).toBe(true);
    // Only through a refund of the same mode.
    expect(await getRefundProof(asked.id, "production")).toBeNull();
    const [audit] = await queryTestDb<{ details: { proof: { type: string } } }>(
      db.url(),
      "select details from audit_log where target_id = $1 and action = 'refund.requested'",
      [asked.id],
    );
    expect(audit!.details.proof.type).toBe("image/png");
  });
});

describe("the refunds file", () => {
  it("holds every refund dated in the range, in the reader's words, audited", async () => {
    const clerk = await makeUser("operator");
    const checker = await makeUser("finance");
    const id = await payment(90_000);
    const asked = await requestRefund(clerk, "local", id, {
      ...ask(15_000n, "2026-11-07"),
      method: "bank_transfer",
      bank: "BCA",
      account: "0012345678",
    });
    if (!asked.ok) throw new Error("refused");
    await decideRefund(checker, "local", asked.id, "approved", "ok");
    const text = await refundsCsv({
      user: checker,
      mode: "local",
      from: "2026-11-07",
      to: "2026-11-07",
      zone,
      locale: "id",
      separator: "semicolon",
    });
    expect(text.startsWith("\ufeff")).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1), ";");
    const id_ = messagesFor("id");
    expect(header![0]).toBe(id_.export.refundColumns.refunded_on);
    const direct = await queryTestDb<{ id: string }>(
      db.url(),
      "select id::text from refunds where mode = 'local' and refunded_on = '2026-11-07' order by requested_at, id",
    );
    const col = (key: keyof typeof id_.export.refundColumns) =>
      header!.indexOf(id_.export.refundColumns[key]);
    expect(rows.map((r) => shownText(r[col("id")]!))).toEqual(direct.map((d) => d.id));
    const mine = rows.find((r) => shownText(r[col("id")]!) === asked.id)!;
    // The account keeps its leading zero; words are the reader's, not codes.
    expect(shownText(mine[col("account")]!)).toBe("0012345678");
    expect(mine[col("amount")]).toBe("15000");
    expect(mine[col("state")]).toBe(id_.refunds.state.approved);
    expect(mine[col("method")]).toBe(id_.refunds.method.bank_transfer);
    const [audit] = await queryTestDb<{ details: { rows: number } }>(
      db.url(),
      "select details from audit_log where action = 'export.refunds_csv' and actor_id = $1",
      [checker.id],
    );
    expect(audit!.details.rows).toBe(direct.length);
  });
});

describe("refunds in each zone", () => {
  it("count on the payment's day as the viewer's zone draws it (WIB and WIT)", async () => {
    const clerk = await makeUser("operator");
    const checker = await makeUser("finance");
    // 19 Nov 22:30 WIB is 20 Nov 00:30 WIT.
    const [row] = await queryTestDb<{ id: string }>(
      db.url(),
      `insert into transactions (mode, channel, amount, state, paid_at, title)
       values ('local', 'qris', 40000, 'paid', '2026-11-19T15:30:00Z', 'zone refund') returning id`,
    );
    const asked = await requestRefund(clerk, "local", row!.id, ask(12_000n, "2026-11-03"));
    if (!asked.ok) throw new Error(`refused: ${asked.reason}`);
    await decideRefund(checker, "local", asked.id, "approved", null);
    const totalsOn = async (day: string, viewer: "Asia/Jakarta" | "Asia/Jayapura") => {
      const { filter } = parseTransactionFilter(
        new URLSearchParams(`on=paid&from=${day}&to=${day}&q=zone+refund`),
      );
      return (
        await getTransactionListPage(resolveFilter(filter, "local", viewer, now), { limit: 5 })
      ).totals;
    };
    expect(await totalsOn("2026-11-19", "Asia/Jakarta")).toMatchObject({
      count: 1,
      refundedCount: 1,
      refunded: "12000.0000",
    });
    expect(await totalsOn("2026-11-20", "Asia/Jakarta")).toMatchObject({ count: 0, refunded: "0" });
    expect(await totalsOn("2026-11-20", "Asia/Jayapura")).toMatchObject({
      count: 1,
      refundedCount: 1,
      refunded: "12000.0000",
    });
    expect(await totalsOn("2026-11-19", "Asia/Jayapura")).toMatchObject({
      count: 0,
      refunded: "0",
    });
  });
});
