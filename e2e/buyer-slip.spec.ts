import { readFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import jsQR from "jsqr";
import pg from "pg";
import sharp from "sharp";
import { createAccount, type TestAccount } from "./support/accounts";
import { decodeQr, openChannelForm, payInSimulator, referenceOnPage } from "./support/channels";
import { databaseUrl } from "./support/env";
import { messages, m, type TestLocale } from "./support/i18n";
import { signIn } from "./support/pages";
import { checkScreen } from "./support/screen-checks";

/** A long real shop name and contact line, and an orange logo, set as Settings keeps them. */
const shop = {
  name: "Koperasi Kopi Arabika Gayo Nusantara Sejahtera",
  contact: "WhatsApp 0812 3456 7890 · Jl. Merdeka No. 17, Takengon",
};

async function setShop(): Promise<void> {
  const logo = await sharp({
    create: { width: 240, height: 120, channels: 3, background: "#c2410c" },
  })
    .png()
    .toBuffer();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into merchant_settings (id, business_name, business_contact, logo, logo_type, logo_updated_at)
       values (1, $1, $2, $3, 'image/png', now())
       on conflict (id) do update set business_name = $1, business_contact = $2, logo = $3,
         logo_type = 'image/png', logo_updated_at = now()`,
      [shop.name, shop.contact, logo],
    );
  } finally {
    await client.end();
  }
}

/** What the detail page shows staff and the buyer must never see. */
async function internalFacts(page: Page, account: TestAccount) {
  const term = page.locator("dt", { hasText: m.transaction.facts.purwantaraId });
  const uuid = (await term.locator("xpath=following-sibling::dd[1]").innerText()).trim();
  return { uuid, email: account.email, id: new URL(page.url()).pathname.split("/")[2]! };
}

async function expectNothingInternal(
  page: Page,
  locale: TestLocale,
  facts: { uuid: string; email: string; id: string },
) {
  const t = messages[locale].transaction;
  const text = await page.locator("body").innerText();
  for (const value of [facts.uuid, facts.email, facts.id]) expect(text).not.toContain(value);
  for (const label of [
    t.money.fee,
    t.facts.createdBy,
    t.facts.purwantaraId,
    t.facts.rawStatus,
    t.raw.title,
    messages[locale].timeline.title,
  ])
    await expect(page.getByText(label, { exact: true })).toHaveCount(0);
}

async function expectShop(page: Page, locale: TestLocale) {
  await expect(page.getByText(shop.name, { exact: true })).toBeVisible();
  await expect(page.getByText(shop.contact, { exact: true })).toBeVisible();
  const logo = page.getByRole("img", {
    name: messages[locale].buyerPage.logoAlt.replace("{shop}", shop.name),
  });
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
}

/** The sheet at a phone, a tablet and a desktop width, then as printed (a picture kept). */
async function checkSheet(page: Page, locale: TestLocale, name: string) {
  for (const width of [390, 768, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await checkScreen(page, locale);
  }
  // Printed: A5 is 148 mm, about 560 CSS pixels.
  await page.setViewportSize({ width: 560, height: 800 });
  await page.emulateMedia({ media: "print" });
  await expect(
    page.getByRole("navigation", { name: messages[locale].buyerPage.toolbar }),
  ).toBeHidden();
  const dir = process.env.E2E_SCREENSHOTS;
  await page.screenshot({
    path: dir ? `${dir}/print-${name}-${locale}.png` : test.info().outputPath(`${name}.png`),
    fullPage: true,
  });
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 1366, height: 900 });
}

/** The same sheet for a person who reads English. */
async function checkInEnglish(
  browser: Browser,
  path: string,
  name: string,
  facts: Parameters<typeof expectNothingInternal>[2],
) {
  const context = await browser.newContext({ locale: "en-US", timezoneId: "Asia/Jakarta" });
  const page = await context.newPage();
  await signIn(page, await createAccount("finance", "en"));
  await page.goto(path);
  await expectShop(page, "en");
  await expectNothingInternal(page, "en", facts);
  await checkSheet(page, "en", name);
  await context.close();
}

test("a VA's slip and, once paid, its receipt carry the shop and nothing internal", async ({
  page,
  browser,
}) => {
  // Five sheets, each at three widths in two languages (axe each time), and a payment.
  test.setTimeout(300_000);
  await setShop();
  const account = await createAccount("operator");
  await signIn(page, account);
  await openChannelForm(page, m.channels["virtual-account"].name);
  const label = `Slip VA ${randomBytes(3).toString("hex")}`;
  await page
    .getByLabel(m.channels["virtual-account"].fields.bank, { exact: true })
    .selectOption("BCA");
  await page
    .getByLabel(m.channels["virtual-account"].fields.name, { exact: true })
    .fill("Budi Santoso");
  await page.getByLabel(m.payment.fields.amount, { exact: true }).fill("Rp 150.000");
  await page.getByLabel(m.payment.fields.description, { exact: true }).fill(label);
  await page.getByRole("button", { name: m.payment.submit }).click();
  await expect(page.getByText(m.transaction.created)).toBeVisible();
  const facts = await internalFacts(page, account);
  const reference = await referenceOnPage(page);
  const va = await page
    .getByLabel(m.channels["virtual-account"].handoff.vaLabel.replace("{bank}", "BCA"))
    .innerText();

  // The WhatsApp text says who asks.
  const whatsapp = page.getByRole("link", { name: m.handoff.whatsapp });
  expect(decodeURIComponent((await whatsapp.getAttribute("href")) ?? "")).toContain(
    `Halo, dari ${shop.name}: mohon bayar Rp 150.000 untuk`,
  );

  // "Cetak slip" opens the slip, not the internal page.
  await page.getByRole("link", { name: m.handoff.print }).click();
  await expect(page).toHaveURL(new RegExp(`/transactions/${facts.id}/slip$`));
  await expect(page.getByRole("heading", { name: m.slip.pageTitle })).toBeVisible();
  await expectShop(page, "id");
  await expect(page.getByText("Rp 150.000").first()).toBeVisible();
  await expect(page.getByText(va.trim(), { exact: true })).toBeVisible();
  await expect(page.getByText(reference, { exact: true })).toBeVisible();
  await expect(page.getByText(label).first()).toBeVisible();
  await expectNothingInternal(page, "id", facts);
  await checkSheet(page, "id", "slip-va");
  await checkInEnglish(browser, `/transactions/${facts.id}/slip`, "slip-va", facts);

  // Paid: the slip's address is the receipt.
  await page.goto(`/transactions/${facts.id}`);
  await payInSimulator(page, reference);
  await expect(page.getByRole("heading", { name: m.handoff.paidTitle })).toBeVisible({
    timeout: 15_000,
  });
  await page.getByRole("link", { name: m.handoff.openReceipt }).click();
  await expect(page.getByRole("heading", { name: m.receipt.pageTitle })).toBeVisible();
  await expect(page.getByText(m.receipt.paid, { exact: true })).toBeVisible();
  await expect(page.getByText("Virtual account BCA", { exact: true })).toBeVisible();
  await expectShop(page, "id");
  await expectNothingInternal(page, "id", facts);
  await checkSheet(page, "id", "receipt-va");
  await page.goto(`/transactions/${facts.id}/slip`);
  await expect(page).toHaveURL(new RegExp(`/transactions/${facts.id}/receipt$`));
  await checkInEnglish(browser, `/transactions/${facts.id}/receipt`, "receipt-va", facts);
});

test("a QRIS slip shows the QR; its poster decodes to the same code and downloads where sharing files is not offered", async ({
  page,
}) => {
  // Five sheets, each at three widths in two languages (axe each time), and a payment.
  test.setTimeout(300_000);
  await setShop();
  const account = await createAccount("operator");
  await signIn(page, account);
  await openChannelForm(page, m.channels.qris.name);
  await page.getByLabel(m.payment.fields.amount, { exact: true }).fill("88.000");
  await page
    .getByLabel(m.payment.fields.description, { exact: true })
    .fill(`Kopi susu ${randomBytes(3).toString("hex")}`);
  await page.getByLabel(m.payment.fields.customerName, { exact: true }).fill("Rina Wijaya");
  await page.getByLabel(m.payment.fields.customerEmail, { exact: true }).fill("rina@example.com");
  await page.getByLabel(m.payment.fields.customerPhone, { exact: true }).fill("0812 3456 7890");
  await page.getByRole("button", { name: m.payment.submit }).click();
  await expect(page.getByText(m.transaction.created)).toBeVisible();
  const facts = await internalFacts(page, account);
  const qr = await decodeQr(page, m.channels.qris.handoff.qrLabel);
  expect(qr).toBeTruthy();

  // Desktop Chromium offers no file sharing: the poster is downloaded instead.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: m.handoff.sharePoster }).click();
  const file = await (await download).path();
  await expect(page.getByText(m.handoff.posterDownloaded)).toBeVisible();
  const { data, info } = await sharp(await readFile(file))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  expect(jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data).toBe(qr);

  await page.goto(`/transactions/${facts.id}/slip`);
  await expectShop(page, "id");
  await expect(page.getByText("Rp 88.000").first()).toBeVisible();
  expect(await decodeQr(page, m.channels.qris.handoff.qrLabel)).toBe(qr);
  await expectNothingInternal(page, "id", facts);
  await checkSheet(page, "id", "slip-qris");
});
