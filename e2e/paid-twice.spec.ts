import { randomBytes, randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { createAccount } from "./support/accounts";
import { postCallback } from "./support/callbacks";
import { databaseUrl } from "./support/env";
import { messages } from "./support/i18n";
import { signIn } from "./support/pages";
import { checkScreen } from "./support/screen-checks";

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** An open payment of Rp 150.000 for one buyer phone (local mode), waiting for its money. */
async function openPayment(channel: "virtual-account" | "qris", title: string, phone: string) {
  const [row] = await sql<{ id: string; uuid: string; external_id: string }>(
    `insert into transactions (mode, channel, bank, external_id, purwantara_uuid, title, amount, total,
       raw_status, state, customer_phone, created_at)
     values ('local', $1, $2, $3, gen_random_uuid()::text, $4, 150000, 150000, 'ACTIVE', 'active', $5,
       now() - interval '1 hour')
     returning id, purwantara_uuid as uuid, external_id`,
    [
      channel,
      channel === "qris" ? null : "BCA",
      `e2e-twice-${randomBytes(5).toString("hex")}`,
      title,
      phone,
    ],
  );
  return row!;
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/** The figure shown beside a term of the refunds section. */
const figure = (page: Page, term: string) =>
  page
    .getByRole("region", { name: messages.id.refunds.title })
    .locator(`dt:text-is("${term}") + dd`);

/** Screens are checked at a phone's 390 px and a 1366 px laptop. */
async function wideOnDesktop(page: Page) {
  if ((page.viewportSize()?.width ?? 0) > 390) {
    await page.setViewportSize({ width: 1366, height: 900 });
  }
}

test(
  "maybe paid twice: from the overview's queue to the surplus's prefilled refund, approved by a second person",
  { tag: "@phone" },
  async ({ page, browser, request }) => {
    // Two people, two payments and two screen checks: longer than the default minute.
    test.setTimeout(180_000);
    const tag = randomBytes(3).toString("hex");
    const phone = `081${randomInt(100_000_000, 999_999_999)}`;
    const va = await openPayment("virtual-account", `Sepatu VA ${tag}`, phone);
    const qr = await openPayment("qris", `Sepatu QRIS ${tag}`, phone);
    // The buyer pays by VA, thinks it failed, and pays again by QRIS ten minutes later.
    const paid = (p: typeof va, type: string, channel: string, minutes: number) =>
      postCallback(request, {
        uuid: p.uuid,
        external_id: p.external_id,
        amount: "150000.0000",
        paid_at: minutesAgo(minutes),
        event: { meta: {}, type, channel },
        payment_link_url: null,
      });
    await paid(va, "virtual-account", "BCA", 20);
    await paid(qr, "qris", "qris_doku", 10);

    const t = messages.id;
    const clerk = await createAccount("finance", "id");
    await wideOnDesktop(page);
    await signIn(page, clerk);
    await page.goto("/overview");
    const card = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: t.overview.maybePaidTwice, exact: true }) });
    await checkScreen(page, "id");
    await card.getByRole("link").first().click();
    await expect(page).toHaveURL(/flag=maybe_paid_twice/);
    await expect(page.getByRole("link", { name: `Sepatu VA ${tag}` }).first()).toBeVisible();
    await checkScreen(page, "id");

    // The first payment stays: no prefill, and the page says which one to refund.
    await page
      .getByRole("link", { name: `Sepatu VA ${tag}` })
      .first()
      .click();
    await expect(page.getByRole("heading", { name: t.transaction.maybeTwice.title })).toBeVisible();
    await expect(page.getByText(t.refunds.paidFirstHint)).toBeVisible();
    await expect(page.getByLabel(t.refunds.amount)).toHaveValue("");

    // The surplus, paid later: one click opens its refund, prefilled.
    await page.getByRole("link", { name: t.refunds.otherPayment }).click();
    await expect(page).toHaveURL(new RegExp(`/transactions/${qr.id}`));
    await expect(page.getByText(t.refunds.paidTwiceHint)).toBeVisible();
    await expect(page.getByText(t.refunds.surplusRule)).toBeVisible();
    await expect(page.getByLabel(t.refunds.amount)).toHaveValue("150000");
    await expect(page.getByLabel(t.refunds.reasonLabel)).toHaveValue("paid_twice");
    await checkScreen(page, "id");
    await page.getByLabel(t.refunds.methodLabel).selectOption("ewallet");
    await page.getByLabel(t.refunds.accountLabel).fill(phone);
    await page.getByRole("button", { name: t.refunds.submit }).click();
    // The whole amount is now asked for, so the form gives way to the ledger: the
    // request shows there, waiting, and nothing counts as given back yet.
    await expect(figure(page, t.refunds.figures.waiting)).toHaveText(/150\.000/);
    await expect(figure(page, t.refunds.figures.net)).toHaveText(/150\.000/);

    // A second person approves; only then does the money count as given back.
    const checker = await createAccount("admin", "id");
    const context = await browser.newContext();
    const other = await context.newPage();
    await signIn(other, checker);
    await other.goto(`/transactions/${qr.id}`);
    await other.getByRole("button", { name: t.refunds.approve }).click();
    await expect(other.getByRole("button", { name: t.refunds.approve })).toHaveCount(0);
    await context.close();

    await page.reload();
    await expect(figure(page, t.refunds.figures.refunded)).toHaveText(/150\.000/);
    await expect(figure(page, t.refunds.figures.net)).toHaveText(/^Rp\s*0$/);
    const [row] = await sql<{ n: number }>(
      "select count(*)::int as n from refunds where transaction_id = $1 and state = 'approved' and amount = 150000 and reason = 'paid_twice'",
      [qr.id],
    );
    expect(row!.n).toBe(1);
  },
);
