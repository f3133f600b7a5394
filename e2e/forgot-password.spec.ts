import { expect, test } from "@playwright/test";
import { mailCatcherClient } from "../tools/mail-catcher/client";
import { createAccount } from "./support/accounts";
import { mailCatcherUrl } from "./support/env";
import { fill, messages, m } from "./support/i18n";
import { signIn } from "./support/pages";
import { checkScreen } from "./support/screen-checks";

/**
 * Forgot password, as a person does it: ask for a link on the sign-in page, read the
 * email the app sent (from the local mail catcher, over real SMTP), choose a new
 * password through the link, and sign in with it. The link works once.
 */
const mail = mailCatcherClient(mailCatcherUrl);
const reset = m.passwordReset;

test("a person who forgot their password resets it through the emailed link @phone", async ({
  page,
  browser,
  baseURL,
}) => {
  const account = await createAccount("operator");
  await page.goto("/login");
  await page.getByRole("link", { name: m.login.forgot }).click();
  await expect(page.getByRole("heading", { name: reset.requestTitle })).toBeVisible();
  await checkScreen(page, "id");

  await page.getByLabel(reset.email).fill(account.email);
  await page.getByRole("button", { name: reset.submit }).click();
  await expect(
    page.getByText(fill(reset.sent, { email: account.email, minutes: 30 })),
  ).toBeVisible();

  const [email] = await mail.waitFor(account.email, { timeoutMs: 30_000 });
  // The business's name as Settings has it now (other specs may have named it), else the fallback.
  const subject = m.email.passwordReset.subject.split("{business}")[0]!;
  expect(email!.subject ?? "").toMatch(new RegExp(`^${subject}.+`));
  const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]{43}/.exec(email!.text ?? "")?.[0];
  expect(link?.startsWith(baseURL!)).toBe(true);

  await page.goto(link!);
  await expect(page.getByRole("heading", { name: reset.title })).toBeVisible();
  await checkScreen(page, "id");
  const password = "a-new-password-for-me";
  await page.getByLabel(reset.password, { exact: true }).fill(password);
  await page.getByLabel(reset.confirm).fill(password);
  await page.getByRole("button", { name: reset.save }).click();
  await expect(page.getByText(m.login.passwordReset)).toBeVisible();

  await signIn(page, { ...account, password });

  // The link worked once.
  const again = await browser.newContext({ baseURL });
  const second = await again.newPage();
  await second.goto(link!);
  await expect(second.getByText(reset.invalid.used)).toBeVisible();
  await again.close();
});

test("the forgot-password screens in English", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
  const page = await context.newPage();
  const en = messages.en.passwordReset;
  await page.goto("/forgot-password");
  await expect(page.getByRole("heading", { name: en.requestTitle })).toBeVisible();
  await checkScreen(page, "en");
  // An unknown address gets the same answer as a known one.
  await page.getByLabel(en.email).fill("nobody-here@example.com");
  await page.getByRole("button", { name: en.submit }).click();
  await expect(
    page.getByText(fill(en.sent, { email: "nobody-here@example.com", minutes: 30 })),
  ).toBeVisible();
  await checkScreen(page, "en");
  await page.goto("/reset-password/not-a-real-link");
  await expect(page.getByText(en.invalid.unknown)).toBeVisible();
  await checkScreen(page, "en");
  await context.close();
});
