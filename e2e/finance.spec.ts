import { randomBytes, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import pg from "pg";
import { signCallbackBody } from "@purwantara/contract/signature";
import { createAccount } from "./support/accounts";
import { databaseUrl } from "./support/env";
import { fill, messages, m, type TestLocale } from "./support/i18n";
import { signIn, transactionEntry } from "./support/pages";
import { checkScreen } from "./support/screen-checks";
import { parseCsv } from "../testing/csv";

/** The callback secret playwright.config.ts gives the app. */
const callbackSecret = "e2e-callback-secret";

type Row = {
  title: string;
  state: "active" | "paid" | "settled" | "expired" | "failed_to_create";
  channel: "payment-link" | "qris" | "virtual-account";
  amount: number;
  uuid: string;
  customer: string;
  flags?: string[];
};

/** A batch of payments sharing a tag in their titles, so a search finds exactly them. */
async function seedBatch(tag: string): Promise<Row[]> {
  const rows: Row[] = [
    {
      title: `${tag} kopi`,
      state: "paid",
      channel: "qris",
      amount: 45000,
      uuid: randomUUID(),
      customer: "Sari Wulandari",
    },
    {
      title: `${tag} teh`,
      state: "settled",
      channel: "virtual-account",
      amount: 120000,
      uuid: randomUUID(),
      customer: "Bayu Pratama",
    },
    {
      title: `${tag} roti`,
      state: "active",
      channel: "payment-link",
      amount: 30000,
      uuid: randomUUID(),
      customer: "Citra Dewi",
      flags: ["needs_review"],
    },
    {
      title: `${tag} kue`,
      state: "expired",
      channel: "payment-link",
      amount: 15000,
      uuid: randomUUID(),
      customer: "Dimas Putra",
    },
    {
      title: `${tag} gagal`,
      state: "failed_to_create",
      channel: "qris",
      amount: 5000,
      uuid: randomUUID(),
      customer: "Eka Sari",
    },
  ];
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const [i, r] of rows.entries()) {
      const paid = r.state === "paid" || r.state === "settled";
      await client.query(
        `insert into transactions (mode, channel, bank, external_id, purwantara_uuid, title, amount, fee, state, raw_status,
           customer_name, payment_link_url, created_at, paid_at, settled_at, expires_at, flags)
         values ('local', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now() - ($12 || ' minutes')::interval,
           $13, $14, now() + interval '1 day', $15)`,
        [
          r.channel,
          r.channel === "virtual-account" ? "BCA" : null,
          `FIN-${tag}-${i}`,
          r.state === "failed_to_create" ? null : r.uuid,
          r.title,
          r.amount,
          paid ? 1500 : null,
          r.state,
          r.state === "failed_to_create" ? null : r.state.toUpperCase(),
          r.customer,
          r.channel === "payment-link"
            ? `http://127.0.0.1:4010/share/payment-links/${r.uuid}`
            : null,
          String(10 + i),
          paid ? new Date(Date.now() - 5 * 60_000) : null,
          r.state === "settled" ? new Date() : null,
          r.flags ?? [],
        ],
      );
    }
  } finally {
    await client.end();
  }
  return rows;
}

async function search(page: Page, text: string, locale: TestLocale = "id") {
  await page.getByLabel(messages[locale].filters.search, { exact: true }).fill(text);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(text).replace(/%20/g, "\\+")}`));
}

/** "4 transaksi cocok": the list's count line for `count` (> 1) rows. */
function matching(count: number, locale: TestLocale = "id") {
  const t = messages[locale].transactions.matching;
  return t.replace(/\{count, plural, .*other \{# (.*)\}\}/, `${count} $1`);
}

test("a finance user filters, searches, opens a payment and exports exactly what is filtered", async ({
  page,
}) => {
  const tag = `Fin${randomBytes(3).toString("hex")}`;
  const rows = await seedBatch(tag);
  await signIn(page, await createAccount("finance"));
  await page.goto("/transactions");

  // Search: results as you type, Not created hidden by default.
  await search(page, tag);
  for (const r of rows.filter((r) => r.state !== "failed_to_create")) {
    await expect(transactionEntry(page, r.title)).toBeVisible();
  }
  await expect(transactionEntry(page, `${tag} gagal`)).toHaveCount(0);
  await expect(page.getByText(matching(4), { exact: true })).toBeVisible();

  // Filter by status through the panel: paid and settled.
  await page.getByRole("button", { name: m.filters.open, exact: true }).click();
  await page.getByRole("checkbox", { name: m.status.paid, exact: true }).check();
  await page.getByRole("checkbox", { name: m.status.settled, exact: true }).check();
  await page.getByRole("button", { name: m.filters.apply }).click();
  await expect(page).toHaveURL(/status=paid%2Csettled/);
  await expect(transactionEntry(page, `${tag} roti`)).toHaveCount(0);
  await expect(transactionEntry(page, `${tag} kopi`)).toBeVisible();
  await expect(transactionEntry(page, `${tag} teh`)).toBeVisible();
  const totals = page.getByTestId("transaction-totals");
  await expect(totals).toContainText("165.000"); // paid 45.000 + 120.000
  await expect(totals).toContainText("162.000"); // net of 2 × 1.500 fees

  // Reload keeps the view; the back button returns to the unfiltered search.
  await page.reload();
  await expect(transactionEntry(page, `${tag} roti`)).toHaveCount(0);
  await expect(
    page.getByRole("button", {
      name: fill(m.filters.remove, {
        label: fill(m.filters.chip.status, { value: `${m.status.paid}, ${m.status.settled}` }),
      }),
    }),
  ).toBeVisible();
  await page.goBack();
  await expect(transactionEntry(page, `${tag} roti`)).toBeVisible();
  await page.goForward();
  await expect(transactionEntry(page, `${tag} roti`)).toHaveCount(0);

  // Exports of exactly these rows: CSV and Excel, read back.
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: m.export.csv }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(
    /^transactions_paid-settled_search_exported-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  // For an Indonesian reader: ';' between cells (what their Excel expects), headers in
  // Indonesian, our references as ="…" text formulas.
  await expect(page.getByLabel(m.export.separator)).toHaveValue("semicolon");
  const csvRows = parseCsv(
    (await readFile((await csv.path())!, "utf8")).replace(/^\ufeff/, ""),
    ";",
  );
  const header = csvRows[0]!;
  const title = header.indexOf(m.export.columns.title);
  expect(
    csvRows
      .slice(1)
      .map((r) => r[title])
      .sort(),
  ).toEqual([`${tag} kopi`, `${tag} teh`]);
  expect(
    csvRows
      .slice(1)
      .map((r) => r[header.indexOf(m.export.columns.external_id)])
      .sort(),
  ).toEqual([`="FIN-${tag}-0"`, `="FIN-${tag}-1"`]);
  await expect(page.getByRole("status").filter({ hasText: csv.suggestedFilename() })).toBeVisible();

  const xlsxDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: m.export.xlsx }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsx.path())!);
  const titles: string[] = [];
  workbook.worksheets[0]!.eachRow((row, n) => {
    if (n > 1) titles.push(String(row.getCell(title + 1).value));
  });
  expect(titles.sort()).toEqual([`${tag} kopi`, `${tag} teh`]);

  // The detail: money, customer, the timeline.
  await page
    .getByRole("link", { name: `${tag} teh` })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: `${tag} teh` })).toBeVisible();
  await expect(page.getByText("Bayu Pratama")).toBeVisible();
  await expect(page.getByRole("heading", { name: m.transaction.money.title })).toBeVisible();
  await page.goBack();
  await expect(transactionEntry(page, `${tag} kopi`)).toBeVisible();
});

test("a row changes live while the filtered list is open", async ({ page, request }) => {
  const tag = `Live${randomBytes(3).toString("hex")}`;
  const rows = await seedBatch(tag);
  await signIn(page, await createAccount("finance"));
  await page.goto(`/transactions?q=${tag}&status=paid`);
  await expect(transactionEntry(page, `${tag} kopi`)).toBeVisible();
  await expect(transactionEntry(page, `${tag} roti`)).toHaveCount(0);

  // Purwantara says the open payment link was paid: a signed callback.
  const roti = rows.find((r) => r.title === `${tag} roti`)!;
  const body = Buffer.from(
    JSON.stringify({
      uuid: roti.uuid,
      event: { meta: { customer_phone: null }, type: "payment-link", channel: "QRIS" },
      title: roti.title,
      amount: "30000.0000",
      status: "PAID",
      paid_at: new Date().toISOString(),
      settle_at: null,
      external_id: `FIN-${tag}-2`,
      payment_link_url: `http://127.0.0.1:4010/share/payment-links/${roti.uuid}`,
    }),
  );
  const answer = await request.post("/api/webhooks/purwantara", {
    headers: {
      "Content-Type": "application/json",
      "User-Agent": "PPN-WH",
      "X-PPN-Delivery": randomUUID(),
      Signature: signCallbackBody(body, callbackSecret),
    },
    data: body,
  });
  expect(answer.status()).toBe(200);
  await expect(transactionEntry(page, `${tag} roti`)).toBeVisible({ timeout: 15_000 });
  await expect(transactionEntry(page, `${tag} roti`)).toContainText(m.status.paid);
});

test("the list with its filters open, and a payment's page, in English and on a phone @phone", async ({
  page,
}) => {
  const tag = `Scr${randomBytes(3).toString("hex")}`;
  await seedBatch(tag);
  await signIn(page, await createAccount("admin", "en"));
  const en = messages.en;
  await page.goto(`/transactions?q=${tag}&flag=needs_review`);
  await expect(transactionEntry(page, `${tag} roti`)).toBeVisible();
  await page.getByRole("button", { name: fill(en.filters.openCount, { count: 1 }) }).click();
  await expect(page.getByRole("heading", { name: en.filters.title })).toBeVisible();
  await checkScreen(page, "en");
  await page.getByRole("button", { name: en.filters.close }).click();
  await checkScreen(page, "en");

  await page.goto(`/transactions?q=${tag}`);
  await page
    .getByRole("link", { name: `${tag} teh` })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: `${tag} teh` })).toBeVisible();
  await expect(page.getByRole("heading", { name: en.transaction.customer.title })).toBeVisible();
  await checkScreen(page, "en");
});
