import { expect, test, type Page } from "@playwright/test";
import { createAccount } from "./support/accounts";
import { messages, type TestLocale } from "./support/i18n";
import { signIn } from "./support/pages";
import {
  checkScreen,
  expectAccessible,
  expectNoRawCodes,
  expectNoSidewaysScroll,
} from "./support/screen-checks";
import { seedTransaction } from "./support/transactions";

/**
 * Every screen, in both languages, on the desktop and (tagged @phone) the phone
 * project: axe, no sideways scroll (also at 360 px on a phone), the right language.
 */
const locales: TestLocale[] = ["id", "en"];

async function check(page: Page, locale: TestLocale) {
  await checkScreen(page, locale);
  const width = page.viewportSize()?.width ?? 0;
  if (width < 768 && width > 360) {
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 360, height: size.height });
    await expectNoSidewaysScroll(page);
    await page.setViewportSize(size);
  }
}

for (const locale of locales) {
  const t = messages[locale];

  test(`sign-in screens (${locale})`, { tag: "@phone" }, async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: t.login.title })).toBeVisible();
    await check(page, locale);
    await page.getByRole("button", { name: t.login.submit, exact: true }).click();
    await expect(page.getByText(t.validation.email)).toBeVisible();
    await expect(page.getByLabel(t.login.email)).toBeFocused();
    await check(page, locale);
  });

  test(`new payment screens (${locale})`, { tag: "@phone" }, async ({ page }) => {
    await signIn(page, await createAccount("operator", locale));
    await page.goto("/payments/new");
    await expect(page.getByRole("heading", { name: t.payment.newTitle })).toBeVisible();
    await check(page, locale);
    for (const channel of Object.keys(t.channels) as (keyof typeof t.channels)[]) {
      await page.goto(`/payments/new/${channel}`);
      await expect(
        page.getByRole("heading", { name: t.channels[channel].name, exact: true }),
      ).toBeVisible();
      await check(page, locale);
    }
    await page.goto("/payments/new/payment-link");
    await page.getByRole("button", { name: t.payment.submit }).click();
    await expect(page.getByText(t.validation.titleRequired)).toBeVisible();
    await check(page, locale);
  });

  test(`dashboard screens (${locale})`, { tag: "@phone" }, async ({ page }) => {
    // Eleven screens, each through axe, on a machine shared with other builds.
    test.setTimeout(120_000);
    const title = `Layar ${locale} ${Date.now()}`;
    const active = await seedTransaction({ title, state: "active" });
    const refused = await seedTransaction({ title: `${title} ditolak`, state: "failed_to_create" });
    const unknown = await seedTransaction({ title: `${title} ragu`, state: "unconfirmed" });
    // Stored codes the screens must say in words: a channel, a reason and a note.
    const paid = await seedTransaction({
      title: `${title} lunas`,
      state: "paid",
      paymentChannel: "qris_doku",
      events: [
        { from: null, to: "active", note: "created at Purwantara" },
        {
          from: "active",
          to: "paid",
          note: "active → paid; paid time corrected to 2026-12-01T02:00:00.000Z",
        },
      ],
    });
    await signIn(page, await createAccount("admin", locale));
    await page.goto("/transactions");

    await expect(page.getByText(title, { exact: true }).filter({ visible: true })).toBeVisible();
    await check(page, locale);

    const menu = page.getByRole("button", { name: t.shell.openMenu });
    if (await menu.isVisible()) {
      await menu.click();
      await expect(
        page.getByRole("dialog").getByRole("link", { name: t.nav.profile }),
      ).toBeVisible();
      await check(page, locale);
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog")).toBeHidden();
      await expect(menu).toBeFocused();
    }

    for (const id of [active, refused, unknown, paid]) {
      await page.goto(`/transactions/${id}`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
      await check(page, locale);
    }

    await page.goto("/profile");
    await expect(page.getByRole("heading", { name: t.profile.title })).toBeVisible();
    await check(page, locale);

    await page.goto("/transactions/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { name: t.notFound.title })).toBeVisible();
    await expect(page.getByRole("main")).toHaveCount(1);
    await check(page, locale);

    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { name: t.notFound.title })).toBeVisible();
    await expect(page.getByRole("main")).toHaveCount(1);
    await check(page, locale);
  });
}

test("the skip link is the first stop and jumps to the content", async ({ page }) => {
  await signIn(page, await createAccount("operator"));
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: messages.id.shell.skipToContent });
  await expect(skip).toBeFocused();
  await skip.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
});

test("the accessibility check fails on a page that is not accessible", async ({ page }) => {
  await page.setContent(
    '<html lang="id"><body><main><p style="color:#ccc;background:#fff">Teks pudar</p><input></main></body></html>',
  );
  await expect(expectAccessible(page)).rejects.toThrow(/color-contrast|label/);
});

test("the raw-code check fails on a page that shows stored codes", async ({ page }) => {
  for (const shown of [
    "Dibayar lewat qris_doku.",
    "Bank MANDIRI",
    "active → paid",
    "user 809c6d21-0000-4000-8000-000000000000",
    'Rincian {"reason":"wrong_code"}',
    "created at Purwantara",
  ]) {
    await page.setContent(`<html lang="id"><body><main><p>${shown}</p></main></body></html>`);
    await expect(expectNoRawCodes(page, "id"), shown).rejects.toThrow(/untranslated codes/);
  }
  // The same facts in words pass; code shown on purpose (a raw body) is left alone.
  await page.setContent(
    '<html lang="id"><body><main><p>Dibayar lewat QRIS (DOKU), Mandiri, CIMB Niaga</p><pre>{"payment_channel":"qris_doku"}</pre></main></body></html>',
  );
  await expectNoRawCodes(page, "id");
});
