import { expect, test, type Page } from "@playwright/test";
import { mailCatcherClient } from "../tools/mail-catcher/client";
import { createAccount } from "./support/accounts";
import { mailCatcherUrl } from "./support/env";
import { fill, messages, m, type TestLocale } from "./support/i18n";
import { signIn } from "./support/pages";
import { checkScreen } from "./support/screen-checks";

/**
 * Settings > Email and the outbox, click by click, in Indonesian on a desktop: the SMTP
 * server in effect (the e2e app's SMTP_URL points at the run's mail catcher, so the
 * page shows it read-only), a test email answered "delivered" and read back from the
 * catcher, one the catcher refuses answered with its 550, the email in the outbox, and
 * sent again from there. Each screen at 390, 768 and 1366 px, in both languages.
 */
const mail = mailCatcherClient(mailCatcherUrl);
const t = m.emailSettings;
const o = m.outbox;

async function checkWidths(page: Page, locale: TestLocale) {
  for (const width of [390, 768, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await checkScreen(page, locale);
  }
}

test("an admin sends a test email, reads it, sees it in the outbox and sends it again", async ({
  page,
}) => {
  // Twelve screen checks (axe at three widths, two languages) on a loaded 2-core machine.
  test.setTimeout(300_000);
  const admin = await createAccount("admin");
  await signIn(page, admin);
  await page.goto("/settings");
  await page.getByRole("link", { name: m.settings.email.open }).click();
  await expect(page.getByRole("heading", { name: t.title, level: 1 })).toBeVisible();
  await expect(page.getByText(t.source.environment)).toBeVisible();
  await checkWidths(page, "id");

  // Delivered: the catcher took it, and it is there to read.
  await expect(page.getByLabel(t.test.to)).toHaveValue(admin.email);
  await page.getByRole("button", { name: t.test.send }).click();
  await expect(page.getByText(fill(t.test.delivered, { to: admin.email }))).toBeVisible();
  const [email] = await mail.waitFor(admin.email, { timeoutMs: 30_000 });
  expect(email!.subject ?? "").toMatch(new RegExp(`^${m.email.test.subject.split("{")[0]}`));
  expect(email!.text ?? "").toContain(admin.name);

  // Refused: the server's own answer is shown.
  const refused = `refused-${Date.now()}@example.com`;
  await mail.refuse(refused, { code: 550, message: "5.1.1 Mailbox tidak ada" });
  await page.getByLabel(t.test.to).fill(refused);
  await page.getByRole("button", { name: t.test.send }).click();
  await expect(page.getByText(/550.*5\.1\.1 Mailbox tidak ada/)).toBeVisible();

  // The outbox: both test emails, translated, with the refusal's reason.
  await page.getByRole("main").getByRole("link", { name: t.toOutbox }).click();
  await expect(page.getByRole("heading", { name: o.title, level: 1 })).toBeVisible();
  const list = page.getByRole("list", { name: o.listLabel });
  const sent = list.getByRole("listitem").filter({ hasText: admin.email });
  await expect(sent).toHaveCount(1);
  await expect(sent.getByText(o.template.test)).toBeVisible();
  // The state badge (the row also has a "sent" time label).
  await expect(sent.locator("span").getByText(o.state.sent, { exact: true })).toBeVisible();
  const failed = list.getByRole("listitem").filter({ hasText: refused });
  await expect(failed.locator("span").getByText(o.state.failed, { exact: true })).toBeVisible();
  await expect(failed.getByText(/refused: 550/)).toBeVisible();
  await checkWidths(page, "id");

  // Sent again: a new row, and a second email arrives.
  await sent.getByRole("button", { name: fill(o.resendTo, { to: admin.email }) }).click();
  await page.getByRole("dialog").getByRole("button", { name: o.resend }).click();
  await expect(page.getByText(o.resent).first()).toBeVisible();
  await mail.waitFor(admin.email, { count: 2, timeoutMs: 30_000 });
  await page.reload();
  await expect(list.getByRole("listitem").filter({ hasText: admin.email })).toHaveCount(2);

  // Filtered by state, kept in the URL.
  await page.getByLabel(o.filterState).selectOption("failed");
  await page.getByRole("button", { name: o.apply }).click();
  await expect(page).toHaveURL(/state=failed/);
  await expect(list.getByRole("listitem").filter({ hasText: admin.email })).toHaveCount(0);
  await expect(list.getByRole("listitem").filter({ hasText: refused })).toHaveCount(1);

  // The same screens in English.
  const english = await createAccount("admin", "en");
  await page.context().clearCookies();
  await signIn(page, english);
  await page.goto("/settings/email");
  await expect(
    page.getByRole("heading", { name: messages.en.emailSettings.title, level: 1 }),
  ).toBeVisible();
  await checkWidths(page, "en");
  await page.goto("/outbox");
  await expect(
    page.getByRole("heading", { name: messages.en.outbox.title, level: 1 }),
  ).toBeVisible();
  await checkWidths(page, "en");
});

test("people other than admins do not see the outbox", async ({ page }) => {
  const operator = await createAccount("operator");
  await signIn(page, operator);
  await expect(page.getByRole("link", { name: m.nav.outbox })).toHaveCount(0);
});
