import { expect, type Locator, type Page } from "@playwright/test";
import type { TestAccount } from "./accounts";
import { messages, m, type TestLocale } from "./i18n";

export async function signIn(page: Page, account: TestAccount): Promise<void> {
  const t = messages[account.locale];
  await page.goto("/login");
  await page.getByLabel(messages.id.login.email).fill(account.email);
  await page.getByLabel(messages.id.login.password).fill(account.password);
  await page.getByRole("button", { name: messages.id.login.submit, exact: true }).click();
  // The overview is the first screen after sign-in.
  await expect(page.getByRole("heading", { name: t.overview.title, exact: true })).toBeVisible();
}

/** Follows a link of the main navigation: the sidebar, or on a phone the menu's drawer. */
export async function navigate(page: Page, label: string, locale: TestLocale = "id") {
  const menu = page.getByRole("button", { name: messages[locale].shell.openMenu });
  if (await menu.isVisible()) {
    await menu.click();
    await page.getByRole("dialog").getByRole("link", { name: label, exact: true }).click();
  } else {
    await page
      .getByRole("navigation", { name: messages[locale].shell.mainNav })
      .getByRole("link", { name: label, exact: true })
      .click();
  }
}

/** A transaction in the live list: a table row on a desktop, a card on a phone. */
export function transactionEntry(page: Page, title: string): Locator {
  return page
    .getByRole("row", { name: new RegExp(title) })
    .or(page.getByRole("listitem").filter({ hasText: title }));
}

const link = m.channels["payment-link"];

export class NewPaymentLinkPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await navigate(this.page, m.nav.newPayment);
    await this.page.getByRole("link", { name: new RegExp(`^${link.name}`) }).click();
    await expect(this.page.getByRole("heading", { name: link.name, exact: true })).toBeVisible();
  }

  async submit(fields: { title: string; amount: string; description?: string }): Promise<void> {
    const f = m.payment.fields;
    await this.page.getByLabel(link.fields.title, { exact: true }).fill(fields.title);
    await this.page.getByLabel(f.amount, { exact: true }).fill(fields.amount);
    if (fields.description)
      await this.page.getByLabel(f.description, { exact: true }).fill(fields.description);
    await this.page.getByRole("button", { name: m.payment.submit }).click();
  }
}
