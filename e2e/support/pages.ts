import { expect, type Page } from "@playwright/test";
import type { TestAccount } from "./accounts";

export async function signIn(page: Page, account: TestAccount): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Transactions" })).toBeVisible();
}

export class NewPaymentLinkPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole("link", { name: "New payment link" }).first().click();
    await expect(this.page.getByRole("heading", { name: "New payment link" })).toBeVisible();
  }

  async submit(fields: { title: string; amount: string; description?: string }): Promise<void> {
    await this.page.getByLabel("Title").fill(fields.title);
    await this.page.getByLabel("Amount").fill(fields.amount);
    if (fields.description)
      await this.page.getByLabel("Description (optional)").fill(fields.description);
    await this.page.getByRole("button", { name: "Create payment link" }).click();
  }
}
