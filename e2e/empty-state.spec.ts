import { expect, test } from "@playwright/test";
import { createAccount } from "./support/accounts";
import { messages, type TestLocale } from "./support/i18n";
import { signIn } from "./support/pages";
import { checkScreen } from "./support/screen-checks";

// Runs before any test makes a transaction (a project dependency in playwright.config.ts).
for (const locale of ["id", "en"] as TestLocale[]) {
  for (const [viewport, size] of [
    ["desktop", { width: 1280, height: 800 }],
    ["phone", { width: 360, height: 780 }],
  ] as const) {
    test(`an empty list says what to do next (${locale}, ${viewport})`, async ({ page }) => {
      const t = messages[locale].transactions;
      await page.setViewportSize(size);
      await signIn(page, await createAccount("operator", locale));
      // The overview, first after sign-in, has no figures yet and says so.
      await expect(page.getByText(messages[locale].overview.emptyTitle)).toBeVisible();
      await expect(
        page.getByRole("link", { name: messages[locale].overview.emptyAction }),
      ).toBeVisible();
      await checkScreen(page, locale);
      await page.goto("/transactions");
      await expect(page.getByText(t.emptyTitle)).toBeVisible();
      await expect(page.getByRole("link", { name: t.emptyAction })).toBeVisible();
      await checkScreen(page, locale);
    });
  }
}
