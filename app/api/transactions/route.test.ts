import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { parseTransactionFilter } from "@/lib/core/transaction-filter/parse";
import { getTransactionListPage } from "@/lib/payments/transaction-list";
import { resolveFilter } from "@/lib/core/transaction-filter/resolve";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { toZonedIso } from "@/lib/core/time";
import { messagesFor } from "@/lib/i18n/messages";
import { parseCsv, shownText } from "@/testing/csv";
import { exact } from "@/testing/list-totals";

let currentUser: CurrentUser | null = null;
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => currentUser }));

const { GET: list } = await import("./route");
const { GET: exportRoute } = await import("./export/[format]/route");

const db = withTestDatabase();
const en = messagesFor("en");
const users: Record<"finance" | "operator" | "admin", CurrentUser> = {} as never;

beforeAll(async () => {
  // A server in another zone than UTC: what the app reads must not depend on it.
  const [{ name } = { name: "" }] = await queryTestDb<{ name: string }>(
    db.url(),
    "select current_database() as name",
  );
  await queryTestDb(db.url(), `alter database "${name}" set timezone to 'America/New_York'`);
  for (const role of ["finance", "operator", "admin"] as const) {
    const [row] = await queryTestDb<{ id: string }>(
      db.url(),
      "insert into users (email, name, password_hash, role, time_zone) values ($1, $2, 'x', $3, 'Asia/Makassar') returning id",
      [`${role}@route.test`, role, role],
    );
    users[role] = {
      id: row!.id,
      email: `${role}@route.test`,
      name: role,
      role,
      locale: "en",
      timeZone: "Asia/Makassar",
      sessionId: "00000000-0000-4000-8000-000000000000",
      twoFactorEnabled: false,
    };
  }
  // 1,234 local rows (enough for several cursor batches) and a few live ones.
  await queryTestDb(
    db.url(),
    `insert into transactions (mode, channel, bank, external_id, title, description, customer_name, amount, fee, state,
       created_at, paid_at, created_by)
     select 'local', (array['virtual-account','qris','payment-link'])[1 + g % 3]::transaction_channel,
            case when g % 3 = 0 then 'BCA' end, 'EXP-' || g,
            case when g % 50 = 0 then '=cmd|calc' else 'Order, "quoted" ' || g end,
            case when g % 7 = 0 then E'two\nlines' end, 'Nama ' || g,
            1000 * g + 0.5, case when g % 2 = 0 then 2500 end,
            (array['active','paid','settled','expired'])[1 + g % 4]::transaction_state,
            now() - (g || ' minutes')::interval,
            case when g % 4 in (1, 2) then now() - (g || ' minutes')::interval + interval '1 minute' end,
            $1
     from generate_series(1, 1234) g`,
    [users.operator.id],
  );
  await queryTestDb(
    db.url(),
    `insert into transactions (mode, channel, external_id, title, amount, state)
     select 'production', 'qris', 'LIVE-' || g, 'Live', 5000, 'paid' from generate_series(1, 3) g`,
  );
});

const get = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${path}`, { headers });

async function exportOf(format: "csv" | "xlsx", query: string) {
  const response = await exportRoute(get(`/api/transactions/export/${format}?${query}`), {
    params: Promise.resolve({ format }),
  });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Every row of a filter through the list's own keyset pages. */
async function listAll(query: string, user: CurrentUser) {
  const { filter } = parseTransactionFilter(new URLSearchParams(query));
  const resolved = resolveFilter(filter, "local", user.timeZone as "Asia/Makassar");
  const ids: string[] = [];
  let cursor: string | null = null;
  let totals;
  do {
    const page = await getTransactionListPage(resolved, { cursor, limit: 200 });
    ids.push(...page.items.map((i) => i.externalId ?? ""));
    totals = page.totals;
    cursor = page.nextCursor;
  } while (cursor);
  return { ids, totals };
}

type AuditEntry = {
  action: string;
  actor_id: string;
  mode: string;
  details: Record<string, unknown>;
};

/** The newest `count` exports' audit entries, oldest export first, each in order. */
async function exportTrails(count: number): Promise<AuditEntry[][]> {
  const entries = await queryTestDb<AuditEntry & { export_id: string }>(
    db.url(),
    `select action, actor_id, mode, details, details->>'exportId' as export_id from audit_log
     where details->>'exportId' in (
       select details->>'exportId' from audit_log where action = 'export.started'
       order by id desc limit $1)
     order by id`,
    [count],
  );
  const trails = new Map<string, AuditEntry[]>();
  for (const entry of entries)
    trails.set(entry.export_id, [...(trails.get(entry.export_id) ?? []), entry]);
  return [...trails.values()];
}

describe("GET /api/transactions", () => {
  it("answers 401 without a session", async () => {
    currentUser = null;
    expect((await list(get("/api/transactions"))).status).toBe(401);
  });

  it("answers 403 to a person asked to choose a new password first (as pages and actions do)", async () => {
    currentUser = { ...users.finance, mustChangePassword: true };
    const held = await list(get("/api/transactions"));
    expect(held.status).toBe(403);
    expect(await held.json()).toEqual({ error: "Choose a new password on your profile first." });
    expect((await exportOf("csv", "")).response.status).toBe(403);
  });

  it("answers 304 while nothing changed, 200 after a write, per filter", async () => {
    currentUser = users.finance;
    const first = await list(get("/api/transactions?status=paid&limit=5"));
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    const body = (await first.json()) as { items: unknown[]; totals: { count: number } };
    expect(body.items).toHaveLength(5);
    expect(body.totals.count).toBeGreaterThan(5);

    const again = await list(
      get("/api/transactions?status=paid&limit=5", { "if-none-match": etag }),
    );
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");

    // Another filter is another answer, even with the same marker.
    const other = await list(
      get("/api/transactions?status=active&limit=5", { "if-none-match": etag }),
    );
    expect(other.status).toBe(200);

    // A write to this mode's transactions moves the marker: the next poll is a 200.
    await queryTestDb(
      db.url(),
      "update transactions set title = 'Renamed' where external_id = 'EXP-2'",
    );
    const after = await list(
      get("/api/transactions?status=paid&limit=5", { "if-none-match": etag }),
    );
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);

    // A write to another mode does not.
    const etag2 = after.headers.get("etag")!;
    await queryTestDb(
      db.url(),
      "update transactions set title = 'Live 2' where mode = 'production'",
    );
    const quiet = await list(
      get("/api/transactions?status=paid&limit=5", { "if-none-match": etag2 }),
    );
    expect(quiet.status).toBe(304);
  });

  it("never lists the other mode", async () => {
    currentUser = users.finance;
    const response = await list(get("/api/transactions?q=LIVE-1"));
    expect(((await response.json()) as { items: unknown[] }).items).toEqual([]);
  });
});

describe("export", () => {
  it("needs a session and the export permission", async () => {
    currentUser = null;
    expect((await exportOf("csv", "")).response.status).toBe(401);
    currentUser = users.operator;
    expect((await exportOf("csv", "")).response.status).toBe(403);
    currentUser = users.finance;
    const unknown = await exportRoute(get("/api/transactions/export/pdf"), {
      params: Promise.resolve({ format: "pdf" }),
    });
    expect(unknown.status).toBe(404);
  });

  it.each(["", "status=paid,settled&channel=qris", "sort=amount&dir=asc&min=100000", "q=Nama 12"])(
    "CSV and XLSX hold exactly the list's rows for the same filter (%s), audited with their SHA-256",
    async (query) => {
      currentUser = users.finance;
      const { ids, totals } = await listAll(query, users.finance);
      expect(ids.length).toBeGreaterThan(0);

      const csv = await exportOf("csv", query);
      expect(csv.response.status).toBe(200);
      expect(csv.response.headers.get("cache-control")).toBe("no-store");
      expect(csv.response.headers.get("x-export-rows")).toBe(String(ids.length));
      expect(csv.response.headers.get("content-disposition")).toMatch(
        /^attachment; filename="transactions_.*exported-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      // An English reader: ',' between cells, English headers (see "in Indonesian" below).
      expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const rows = parseCsv(csv.bytes.toString("utf8").replace(/^\ufeff/, ""), ",");
      const header = rows[0]!;
      expect(header.slice(0, 3)).toEqual(["Dashboard ID", "Our reference", "Purwantara ID"]);
      // A time column's header names the viewer's zone: "Created (WITA)".
      const col = (key: keyof typeof en.export.columns) =>
        header.findIndex(
          (h) => h === en.export.columns[key] || h.startsWith(`${en.export.columns[key]} (`),
        );
      // Identifiers are ="…" text formulas; what a spreadsheet shows is their text.
      const identifiers = ["id", "external_id", "purwantara_uuid"].map((k) =>
        header.indexOf(en.export.columns[k as "id"]),
      );
      const data = rows
        .slice(1)
        .map((r) => r.map((cell, i) => (identifiers.includes(i) ? shownText(cell) : cell)));
      expect(rows[1]![col("external_id")]).toMatch(/^="EXP-\d+"$/);
      expect(data.map((r) => r[col("external_id")])).toEqual(ids);
      // Plain numbers, ISO times with the viewer's offset (WITA), formulas defused.
      const sample = data.find((r) => r[col("fee")] !== "")!;
      expect(sample[col("amount")]).toMatch(/^\d+\.5$/);
      expect(sample[col("fee")]).toBe("2500");
      expect(sample[col("created_at")]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      for (const r of data) expect(r[col("title")]).not.toMatch(/^=/);
      expect(data.every((r) => r[col("mode")] === "local")).toBe(true);
      // Every time is the stored instant in the viewer's zone, to the second.
      const stored = await queryTestDb<{
        id: string;
        created_at: Date;
        paid_at: Date | null;
        net: string | null;
      }>(
        db.url(),
        `select id::text, created_at, paid_at,
                case when state in ('paid', 'settled') then (amount - fee)::text end as net
           from transactions where id::text = any($1)`,
        [data.map((r) => r[col("id")])],
      );
      // Net is amount − fee where the fee is known; empty (not the amount) where it is not.
      const nets = new Map(stored.map((t) => [t.id, t.net === null ? "" : exact(t.net)]));
      for (const r of data) expect(r[col("net")], r[col("id")]).toBe(nets.get(r[col("id")]!));
      const paidWithoutFee = data.filter((r) => r[col("state")] === "paid" && !r[col("fee")]);
      if (query === "") expect(paidWithoutFee.length).toBeGreaterThan(0);
      const zoned = (d: Date | null) => (d ? toZonedIso(d, "Asia/Makassar") : "");
      const times = new Map(stored.map((t) => [t.id, [zoned(t.created_at), zoned(t.paid_at)]]));
      expect(data.some((r) => r[col("paid_at")] !== "")).toBe(true);
      for (const r of data) {
        expect([r[col("created_at")], r[col("paid_at")]]).toEqual(times.get(r[col("id")]!));
      }

      const xlsx = await exportOf("xlsx", query);
      expect(xlsx.response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const xRows: unknown[][] = [];
      sheet.eachRow((row) => xRows.push((row.values as unknown[]).slice(1)));
      expect(xRows[0]).toEqual(header);
      expect(xRows.slice(1).map((r) => r[1])).toEqual(ids);
      const amountCell = xRows[1]![col("amount")];
      expect(typeof amountCell).toBe("number");
      // Times are dates whose clock reads the CSV's wall-clock time in the viewer's zone.
      expect(
        xRows.slice(1).map((r) => (r[col("created_at")] as Date).toISOString().slice(0, 19)),
      ).toEqual(data.map((r) => r[col("created_at")]!.slice(0, 19)));

      const [csvTrail, xlsxTrail] = await exportTrails(2);
      expect(csvTrail!.map((e) => e.action)).toEqual(["export.started", "export.completed"]);
      expect(xlsxTrail!.map((e) => e.action)).toEqual(["export.started", "export.completed"]);
      const [csvStart, csvEntry] = csvTrail!;
      const xlsxEntry = xlsxTrail![1]!;
      expect(csvStart!.details).toMatchObject({
        format: "csv",
        separator: "comma",
        expectedRows: ids.length,
      });
      expect(xlsxEntry.details.format).toBe("xlsx");
      // An XLSX has no separator to put on record.
      expect(xlsxTrail![0]!.details).not.toHaveProperty("separator");
      expect(csvEntry!.actor_id).toBe(users.finance.id);
      expect(csvEntry!.mode).toBe("local");
      expect(csvEntry!.details.sha256).toBe(createHash("sha256").update(csv.bytes).digest("hex"));
      expect(csvEntry!.details.bytes).toBe(csv.bytes.length);
      expect(xlsxEntry.details.sha256).toBe(createHash("sha256").update(xlsx.bytes).digest("hex"));
      expect(csvEntry!.details.rows).toBe(ids.length);
      expect(csvEntry!.details.totals).toEqual(totals);
      // The search text is kept as a hash, never as a buyer's name.
      expect(String(csvStart!.details.filter)).not.toContain("Nama");
    },
  );

  it("puts an export on record before its first byte, and one cut short as aborted", async () => {
    currentUser = users.finance;
    const whole = (await exportOf("csv", "")).bytes.length;
    const response = await exportRoute(get("/api/transactions/export/csv"), {
      params: Promise.resolve({ format: "csv" }),
    });
    expect(response.status).toBe(200);
    const expected = Number(response.headers.get("x-export-rows"));
    // Not a byte read yet, and the export is already on record.
    const [before] = await exportTrails(1);
    expect(before!.map((e) => [e.action, e.details.expectedRows])).toEqual([
      ["export.started", expected],
    ]);
    expect(before![0]!.actor_id).toBe(users.finance.id);

    const reader = response.body!.getReader();
    let received = 0;
    while (received < 10_000) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.length;
    }
    await reader.cancel();
    let trail: AuditEntry[] = [];
    for (let i = 0; i < 100 && trail.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 50));
      [trail = []] = await exportTrails(1);
    }
    expect(trail.map((e) => e.action)).toEqual(["export.started", "export.aborted"]);
    const aborted = trail[1]!.details;
    expect(aborted).toMatchObject({ format: "csv", reason: "client_gone" });
    // The bytes handed to the response: at least what was read, short of the whole file.
    expect(aborted.bytes).toBeGreaterThanOrEqual(received);
    expect(aborted.bytes).toBeLessThan(whole);
    expect(aborted.rows).toBeLessThanOrEqual(expected);
    expect(aborted.sha256).toBeUndefined();
  });
});

describe("export in Indonesian", () => {
  it("';' and Indonesian headers by default, ',' on request; identifiers kept as text, amounts exact", async () => {
    const id = messagesFor("id");
    currentUser = { ...users.finance, locale: "id" };
    await queryTestDb(
      db.url(),
      `insert into transactions (mode, channel, bank, external_id, title, customer_name, customer_phone, va_number,
         payment_code, amount, fee, state, created_at, paid_at)
       values ('local', 'virtual-account', 'BCA', '0042-VA', 'Ekspor Indonesia VA', 'Sari; "Wulan"', '081234567890',
               '7001295445135468', null, 18000.5, 4000, 'paid', now() - interval '2 hours', now() - interval '1 hour'),
              ('local', 'counter', null, '0043-ALF', 'Ekspor Indonesia Alfamart', 'Budi, S.E.', '+6281299',
               null, '000123456789', 25000, null, 'paid', now() - interval '3 hours', now() - interval '2 hours')`,
    );
    const stored = await queryTestDb<Record<string, string | null>>(
      db.url(),
      `select external_id, customer_name, customer_phone, va_number, payment_code, fee::text,
              (amount - fee)::text as net, amount::text
         from transactions where title like 'Ekspor Indonesia%' order by external_id`,
    );
    const query = "q=Ekspor+Indonesia&sort=amount&dir=asc";
    for (const [sep, char] of [
      ["", ";"],
      ["&sep=comma", ","],
      ["&sep=semicolon", ";"],
    ] as const) {
      const csv = await exportOf("csv", `${query}${sep}`);
      expect(csv.response.status).toBe(200);
      const text = csv.bytes.toString("utf8");
      expect(text.startsWith("\ufeff")).toBe(true);
      const [header, ...rows] = parseCsv(text.slice(1), char);
      expect(header).toHaveLength(Object.keys(id.export.columns).length);
      expect(header!.slice(0, 3)).toEqual(["ID dasbor", "Referensi kami", "ID Purwantara"]);
      const cell = (row: string[], key: keyof typeof id.export.columns) =>
        row[
          header!.findIndex(
            (h) => h === id.export.columns[key] || h.startsWith(`${id.export.columns[key]} (`),
          )
        ]!;
      expect(rows).toHaveLength(2);
      rows.forEach((row, i) => {
        const want = stored[i]!;
        for (const key of ["external_id", "customer_phone", "va_number", "payment_code"] as const) {
          const written = cell(row, key);
          // Written as ="…" (a spreadsheet keeps it as text), shown exactly as stored.
          if (want[key] !== null) expect(written, key).toMatch(/^=".*"$/);
          expect(shownText(written), key).toBe(want[key] ?? "");
        }
        expect(cell(row, "customer_name")).toBe(want.customer_name);
        const mark = (v: string | null) =>
          v === null ? "" : exact(v).replace(".", char === ";" ? "," : ".");
        expect(cell(row, "amount")).toBe(mark(want.amount ?? null));
        expect(cell(row, "fee")).toBe(mark(want.fee ?? null));
        expect(cell(row, "net")).toBe(mark(want.net ?? null));
      });
      expect(cell(rows[0]!, "amount")).toBe(char === ";" ? "18000,5" : "18000.5");
    }
    const xlsx = await exportOf("xlsx", query);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const first = sheet.getRow(1).values as unknown[];
    expect(first.slice(1, 4)).toEqual(["ID dasbor", "Referensi kami", "ID Purwantara"]);
    // Cell by cell: amounts are numbers shown as rupiah, times real dates reading the
    // viewer's (WITA) wall clock, identifiers text as stored.
    const column = (key: keyof typeof id.export.columns) =>
      1 +
      first
        .slice(1)
        .findIndex(
          (h) =>
            h === id.export.columns[key] || String(h).startsWith(`${id.export.columns[key]} (`),
        );
    expect(first[column("created_at")]).toBe(`${id.export.columns.created_at} (WITA)`);
    const times = await queryTestDb<{ created: string; paid: string }>(
      db.url(),
      `select to_char(created_at at time zone 'Asia/Makassar', 'YYYY-MM-DD"T"HH24:MI:SS') as created,
              to_char(paid_at at time zone 'Asia/Makassar', 'YYYY-MM-DD"T"HH24:MI:SS') as paid
         from transactions where title like 'Ekspor Indonesia%' order by amount`,
    );
    [2, 3].forEach((n, i) => {
      const row = sheet.getRow(n);
      const want = stored.find((r) => r.amount === (i === 0 ? "18000.5000" : "25000.0000"))!;
      const amount = row.getCell(column("amount"));
      expect(amount.value).toBe(Number(want.amount));
      expect(amount.numFmt).toBe('"Rp"#,##0.00;-"Rp"#,##0.00');
      const created = row.getCell(column("created_at"));
      expect(created.value).toBeInstanceOf(Date);
      expect((created.value as Date).toISOString().slice(0, 19)).toBe(times[i]!.created);
      expect(created.numFmt).toBe("dd/mm/yyyy hh:mm:ss");
      const paid = row.getCell(column("paid_at")).value as Date;
      expect(paid.toISOString().slice(0, 19)).toBe(times[i]!.paid);
      expect(row.getCell(column("va_number")).value).toBe(want.va_number ?? null);
      expect(row.getCell(column("customer_phone")).value).toBe(want.customer_phone);
      const fee = row.getCell(column("fee")).value;
      expect(fee).toBe(want.fee === null ? null : Number(want.fee));
    });
  });
});
