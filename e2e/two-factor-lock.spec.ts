import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import pg from "pg";
import { createAccount, type TestAccount } from "./support/accounts";
import { databaseUrl } from "./support/env";
import { messages } from "./support/i18n";
import { signIn } from "./support/pages";
import { enableTwoFactor } from "./support/two-factor";

const { id } = messages;

/** The person has already typed this many wrong codes today (29 of 30). */
async function wrongCodesToday(email: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into login_counters (key, count, window_started_at)
       select 'code-day:' || id, $2, now() from users where email = $1`,
      [email, count],
    );
  } finally {
    await client.end();
  }
}

async function codeAfterPassword(page: Page, account: TestAccount, code: string) {
  await page.goto("/login");
  await page.getByLabel(id.login.email).fill(account.email);
  await page.getByLabel(id.login.password).fill(account.password);
  await page.getByRole("button", { name: id.login.submit, exact: true }).click();
  await page.getByLabel(id.twoFactor.code, { exact: true }).fill(code);
  await page.getByRole("button", { name: id.twoFactor.verify }).click();
}

test("too many wrong codes lock the second step; the owner is told and a new password unlocks it", async ({
  page,
  browser,
}) => {
  const account = await createAccount("operator");
  await signIn(page, account);
  const secret = await enableTwoFactor(page);
  await wrongCodesToday(account.email, 29);

  // Someone with the password, elsewhere: the 30th wrong code of the day locks the step.
  const elsewhere = await browser.newPage();
  await codeAfterPassword(elsewhere, account, "123456");
  await expect(elsewhere.getByText(id.twoFactor.locked)).toBeVisible();
  const rightCode = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
  await codeAfterPassword(elsewhere, account, rightCode);
  await expect(elsewhere.getByText(id.twoFactor.locked)).toBeVisible();

  // The owner, still signed in, sees it on the profile and changes the password.
  await page.goto("/profile");
  const notice = id.twoFactor.lockedNotice.split("{date}")[0]!.trim();
  await expect(page.getByRole("alert").filter({ hasText: notice })).toBeVisible();
  const next = { ...account, password: "Gunung-Rinjani-Pagi-27" };
  await page.getByLabel(id.security.currentPassword).fill(account.password);
  await page.getByLabel(id.security.newPassword, { exact: true }).fill(next.password);
  await page.getByLabel(id.security.confirmPassword).fill(next.password);
  await page.getByRole("button", { name: id.security.changePassword }).click();
  await expect(page.getByText(id.security.passwordChanged).first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: notice })).toHaveCount(0);

  // With the new password, the right code signs in again.
  await codeAfterPassword(elsewhere, next, rightCode);
  await expect(elsewhere.getByRole("heading", { name: id.overview.title })).toBeVisible();
  await elsewhere.close();
});
