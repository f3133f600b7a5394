import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { mailCatcherClient } from "../tools/mail-catcher/client";
import type { MessageDetail } from "../tools/mail-catcher/client";
import { createAccount } from "./support/accounts";
import { openChannelForm, payInSimulator, referenceOnPage } from "./support/channels";
import { mailCatcherUrl } from "./support/env";
import { messages, m, type TestLocale } from "./support/i18n";
import { signIn } from "./support/pages";
import { checkScreen } from "./support/screen-checks";

/**
 * Notices as a person sets them: choose "payment received" at once (test mode too: the
 * emulator is test mode) on the profile, a buyer pays through the emulator, and the
 * notice arrives in the mail catcher, in the person's language, naming the reference.
 */
const mail = mailCatcherClient(mailCatcherUrl);

/** The first email to `to` whose text names `reference`, waited for. */
async function mailAbout(to: string, reference: string, timeout: number) {
  let found: MessageDetail | undefined;
  await expect
    .poll(
      async () => {
        const all = await Promise.all((await mail.messagesTo(to)).map((s) => mail.message(s.id)));
        found = all.find((message) => message.text?.includes(reference));
        return found !== undefined;
      },
      { timeout, intervals: [2_000] },
    )
    .toBe(true);
  return found!;
}
const widths = [390, 768, 1366];

async function checkNoticeSection(page: Page, locale: TestLocale) {
  const t = messages[locale].notices;
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
    await page.getByRole("heading", { name: t.title }).scrollIntoViewIfNeeded();
    await checkScreen(page, locale);
  }
}

test("a person chooses payment notices on the profile and gets one when a buyer pays", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const admin = await createAccount("admin");
  await signIn(page, admin);
  await page.goto("/profile");
  const t = m.notices;
  await checkNoticeSection(page, "id");
  await page.getByLabel(t.kind.payment_paid, { exact: true }).selectOption("immediate");
  await page.getByLabel(t.includeTest).check();
  await page.getByRole("button", { name: t.save }).click();
  await expect(page.getByText(t.saved)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(t.kind.payment_paid, { exact: true })).toHaveValue("immediate");

  const label = `Notice ${randomBytes(3).toString("hex")}`;
  await openChannelForm(page, m.channels.qris.name);
  await page.getByLabel(m.payment.fields.amount, { exact: true }).fill("27.500");
  await page.getByLabel(m.payment.fields.description, { exact: true }).fill(label);
  await page.getByLabel(m.payment.fields.customerName, { exact: true }).fill("Rina Wijaya");
  const buyer = `buyer-${randomBytes(4).toString("hex")}@example.com`;
  await page.getByLabel(m.payment.fields.customerEmail, { exact: true }).fill(buyer);
  await page.getByLabel(m.payment.fields.customerPhone, { exact: true }).fill("+62 812 3456 7890");
  await expect(page.getByLabel(m.payment.emailReceipt)).toBeChecked();
  await page.getByRole("button", { name: m.payment.submit }).click();
  await expect(page.getByText(m.transaction.created)).toBeVisible();
  const reference = await referenceOnPage(page);
  await payInSimulator(page, reference);

  // The notice scan runs every minute; other specs' test payments notify this admin too.
  const notice = await mailAbout(admin.email, reference, 180_000);
  expect(notice!.subject).toMatch(/^\[TEST\] Pembayaran diterima: Rp 27\.500 · /);
  expect(notice!.text).toContain(reference);
  expect(notice!.headers["content-language"]).toBe("id");
  // The buyer's receipt (test mode, marked so), with the reference and nothing internal.
  const receipt = await mailAbout(buyer, reference, 60_000);
  expect(receipt!.subject).toMatch(/^\[TEST\] Tanda terima: Rp 27\.500 dibayar ke /);
  expect(receipt!.text).toContain(reference);
  expect(receipt!.text).not.toContain(admin.email);
});

test("the profile's notice section in English, as finance sees it", async ({ page }) => {
  const finance = await createAccount("finance", "en");
  await signIn(page, finance);
  await page.goto("/profile");
  const t = messages.en.notices;
  // Finance is offered the day close and the reports; it creates no payments.
  await expect(page.getByLabel(t.kind.day_close, { exact: true })).toBeVisible();
  await expect(page.getByLabel(t.dailyRecap)).toBeVisible();
  await checkNoticeSection(page, "en");
  await page.getByLabel(t.paidMinAmount).fill("seratus");
  await page.getByRole("button", { name: t.save }).click();
  await expect(page.getByText(messages.en.validation.amountFormat).first()).toBeVisible();
  await expect(page.getByLabel(t.paidMinAmount)).toHaveValue("seratus");
});

test("an operator is not offered the day close or the reports", async ({ page }) => {
  await signIn(page, await createAccount("operator"));
  await page.goto("/profile");
  await expect(page.getByLabel(m.notices.kind.payment_paid, { exact: true })).toBeVisible();
  await expect(page.getByLabel(m.notices.kind.day_close, { exact: true })).toHaveCount(0);
  await expect(page.getByLabel(m.notices.dailyRecap)).toHaveCount(0);
});
