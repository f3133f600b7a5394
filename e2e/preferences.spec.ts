import { expect, test } from "@playwright/test";
import { createAccount } from "./support/accounts";
import { messages } from "./support/i18n";
import { navigate, signIn, transactionEntry } from "./support/pages";
import { seedTransaction } from "./support/transactions";

const { id, en } = messages;

test("English is one click away, kept for the person across sign-ins", async ({
  page,
  browser,
}) => {
  const operator = await createAccount("operator");
  await signIn(page, operator);
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await page.getByRole("button", { name: id.shell.switchLanguageLabel }).click();
  await expect(page.getByRole("heading", { name: en.overview.title })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // Another browser, no cookie: the account remembers.
  const fresh = await browser.newPage();
  await signIn(fresh, { ...operator, locale: "en" });
  await expect(fresh.locator("html")).toHaveAttribute("lang", "en");
  await fresh.close();

  // And this browser's sign-in page stays in the chosen language after signing out.
  await page.getByRole("button", { name: en.shell.signOut }).click();
  await expect(page.getByRole("heading", { name: en.login.title })).toBeVisible();
  await page.getByRole("button", { name: en.shell.switchLanguageLabel }).click();
  await expect(page.getByRole("heading", { name: id.login.title })).toBeVisible();
});

test("a merchant in Papua sees every time in WIT", async ({ page }) => {
  const title = `Zona ${Date.now()}`;
  await seedTransaction({ title, state: "paid" });
  await signIn(page, await createAccount("finance"));
  await page.goto("/transactions");
  await expect(transactionEntry(page, title)).toContainText("WIB");

  await navigate(page, id.nav.profile);
  await page.getByLabel(id.profile.timeZone, { exact: true }).selectOption("Asia/Jayapura");
  await page.getByRole("button", { name: id.common.save, exact: true }).click();
  await expect(page.getByText(id.profile.saved)).toBeVisible();

  await navigate(page, id.nav.transactions);
  await expect(page.getByText(/Waktu dalam WIT\./)).toBeVisible();
  const entry = transactionEntry(page, title);
  await expect(entry).toContainText("WIT");
  await expect(entry).not.toContainText("WIB");
});
