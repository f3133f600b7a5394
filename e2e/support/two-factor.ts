import { expect, type Page } from "@playwright/test";
import { generate } from "otplib";
import type { TestAccount } from "./accounts";
import { messages } from "./i18n";

const { id } = messages;

/** Turns two-factor sign-in on from the profile; returns the TOTP secret. */
export async function enableTwoFactor(page: Page): Promise<string> {
  await page.goto("/profile/two-factor");
  await page.getByRole("button", { name: id.twoFactor.start }).click();
  const secret = (await page.getByTestId("totp-secret").innerText()).trim();
  await page.getByLabel(id.twoFactor.code, { exact: true }).fill(await generate({ secret }));
  await page.getByRole("button", { name: id.twoFactor.confirm }).click();
  await page.getByRole("link", { name: id.twoFactor.done }).click();
  return secret;
}

/** The password, then a code at the second step; `wrong` waits to be told it was wrong. */
export async function codeAfterPassword(page: Page, account: TestAccount, code: string) {
  await page.goto("/login");
  await page.getByLabel(id.login.email).fill(account.email);
  await page.getByLabel(id.login.password).fill(account.password);
  await page.getByRole("button", { name: id.login.submit, exact: true }).click();
  await page.getByLabel(id.twoFactor.code, { exact: true }).fill(code);
  await page.getByRole("button", { name: id.twoFactor.verify }).click();
}

export async function expectWrongCode(page: Page) {
  await expect(page.getByText(id.twoFactor.wrongCode).first()).toBeVisible();
}
