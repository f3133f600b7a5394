import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createAccount, type TestAccount } from "./support/accounts";
import { fill, m, messages, type TestLocale } from "./support/i18n";
import { navigate, signIn } from "./support/pages";
import { checkScreen } from "./support/screen-checks";
import { sql } from "./support/sql";

/** A calendar day in WIB, `back` days before today. */
function wibDay(back = 0): string {
  return new Date(Date.now() + 7 * 3_600_000 - back * 86_400_000).toISOString().slice(0, 10);
}

/** A virtual account paid (and settled, with a fee) on `day` at 10:00 WIB. */
async function settledPayment(day: string, amount: number, title: string): Promise<void> {
  await sql(
    `insert into transactions (mode, channel, bank, payment_channel, external_id, purwantara_uuid, title,
       amount, fee, total, raw_status, state, created_at, paid_at, settled_at)
     values ('local', 'virtual-account', 'BCA', 'BCA', $1, gen_random_uuid()::text, $2, $3, 4000, $3,
       'SETTLED', 'settled', ($4 || 'T09:00:00+07:00')::timestamptz, ($4 || 'T10:00:00+07:00')::timestamptz,
       ($4 || 'T15:00:00+07:00')::timestamptz)`,
    [`e2e-rec-${randomBytes(5).toString("hex")}`, title, amount, day],
  );
}

async function financeNamed(name: string, locale: TestLocale = "id"): Promise<TestAccount> {
  const account = await createAccount("finance", locale);
  await sql("update users set name = $2 where email = $1", [account.email, name]);
  return { ...account, name };
}

const r = m.reconciliation;

test("finance lands on the overview and follows a number to the list behind it", async ({
  page,
}) => {
  await settledPayment(wibDay(0), 123_000, `Ringkasan ${randomBytes(3).toString("hex")}`);
  await signIn(page, await financeNamed("Fina Ringkasan"));
  await expect(page).toHaveURL(/\/overview$/);
  await checkScreen(page, "id");
  const today = page.getByRole("listitem").filter({ hasText: m.overview.periods["1"] });
  await today.getByRole("link").first().click();
  await expect(page).toHaveURL(
    `/transactions?status=paid,settled&on=paid&from=${wibDay(0)}&to=${wibDay(0)}`,
  );
  await expect(
    page.getByRole("heading", { name: m.transactions.title, exact: true }),
  ).toBeVisible();
});

test("closing a day takes two finance users: A marks it, B approves, both are shown", async ({
  page,
  browser,
}) => {
  const day = wibDay(12);
  await settledPayment(day, 250_000, `Tutup buku ${randomBytes(3).toString("hex")}`);
  const maker = await financeNamed("Ani Pembuat");
  const checker = await financeNamed("Budi Pemeriksa");

  await signIn(page, maker);
  await navigate(page, m.nav.reconciliation);
  await expect(page.getByRole("heading", { name: r.title, exact: true })).toBeVisible();
  await page.goto(`/reconciliation?month=${day.slice(0, 7)}`);
  await checkScreen(page, "id");
  await page.goto(`/reconciliation/${day}`);
  const paidLink = page
    .getByRole("link", { name: /250\.000/ })
    .filter({ visible: true })
    .first();
  await expect(paidLink).toHaveAttribute(
    "href",
    `/transactions?status=paid,settled&channel=virtual-account&on=paid&from=${day}&to=${day}&tz=Asia/Jakarta`,
  );
  await expect(page.getByText(r.notMarked)).toBeVisible();
  await page.getByRole("button", { name: r.markSubmit }).click();
  await expect(page.getByText(m.validation.required)).toBeVisible();
  await page.getByLabel(r.note, { exact: true }).fill("Rekening koran BCA cocok");
  await page.getByRole("button", { name: r.markSubmit }).click();
  // The form gives way to the mark itself.
  await expect(
    page.getByText(new RegExp(fill(r.markedBy, { name: "Ani Pembuat", time: "" }))),
  ).toBeVisible();
  await expect(page.getByText(r.status.awaiting_approval).first()).toBeVisible();
  await expect(page.getByText(r.ownMarkBody)).toBeVisible();
  // The maker is never offered the approval.
  await expect(page.getByRole("button", { name: r.approve })).toHaveCount(0);
  await checkScreen(page, "id");

  const other = await browser.newPage();
  await signIn(other, checker);
  await other.goto(`/reconciliation/${day}`);
  await expect(other.getByText(r.awaitingBody)).toBeVisible();
  await other.getByRole("button", { name: r.approve }).click();
  await expect(other.getByText(r.status.approved).first()).toBeVisible();
  await expect(
    other.getByText(new RegExp(fill(r.markedBy, { name: "Ani Pembuat", time: "" }))),
  ).toBeVisible();
  await expect(
    other.getByText(new RegExp(fill(r.approvedBy, { name: "Budi Pemeriksa", time: "" }))),
  ).toBeVisible();
  await expect(other.getByText("Rekening koran BCA cocok")).toBeVisible();
  await other.close();

  // The month shows the day closed.
  await page.goto(`/reconciliation?month=${day.slice(0, 7)}`);
  await expect(page.getByRole("row").filter({ hasText: r.status.approved }).first()).toBeVisible();

  // A payment landing in the closed day afterwards is an adjustment, never folded in.
  await settledPayment(day, 30_000, `Terlambat ${randomBytes(3).toString("hex")}`);
  await page.reload();
  await expect(page.getByText(r.adjustedBadge).first()).toBeVisible();
  await page.goto("/overview");
  const notice = page.getByRole("region").filter({ hasText: r.overviewBody });
  await notice.locator(`a[href="/reconciliation/${day}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/reconciliation/${day}$`));
  const panel = page.getByRole("region", { name: r.adjustment.title });
  const paidRow = panel.getByRole("row", {
    name: new RegExp(`^${r.adjustment.figures.paidAmount} `),
  });
  await expect(paidRow).toContainText(/\+Rp\s?30\.000/);
  await expect(panel.getByText(r.adjustment.who)).toBeVisible();
  await checkScreen(page, "id");
  await panel.getByLabel(r.note, { exact: true }).fill("Dibukukan sebagai penyesuaian");
  await panel.getByRole("button", { name: r.adjustment.reviewSubmit }).click();
  // The flag gives way to the review itself, kept on the day.
  await expect(page.getByRole("region", { name: r.adjustment.historyTitle })).toContainText(
    "Dibukukan sebagai penyesuaian",
  );
  await expect(page.getByRole("region", { name: r.adjustment.title })).toHaveCount(0);
});

async function englishScreens(page: Page) {
  const en = messages.en;
  const day = wibDay(20);
  await settledPayment(day, 99_000, `Screens ${randomBytes(3).toString("hex")}`);
  await signIn(page, await financeNamed("Erin Finance", "en"));
  await expect(page.getByRole("heading", { name: en.overview.title, exact: true })).toBeVisible();
  await checkScreen(page, "en");
  await page.getByRole("button", { name: en.overview.showTable }).click();
  await expect(page.getByRole("region", { name: en.overview.tableCaption })).toBeVisible();
  await checkScreen(page, "en");
  await page.goto("/reconciliation");
  await expect(
    page.getByRole("heading", { name: en.reconciliation.title, exact: true }),
  ).toBeVisible();
  await checkScreen(page, "en");
  await page.goto(`/reconciliation/${day}`);
  await expect(page.getByRole("button", { name: en.reconciliation.markSubmit })).toBeVisible();
  await checkScreen(page, "en");
}

test("overview and reconciliation screens in English", { tag: "@phone" }, async ({ page }) => {
  await englishScreens(page);
});
