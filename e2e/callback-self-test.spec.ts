import { expect, test } from "@playwright/test";
import { createAccount } from "./support/accounts";
import { messages } from "./support/i18n";
import { navigate, signIn } from "./support/pages";
import { checkScreen } from "./support/screen-checks";

// The self-test goes out over the network to APP_URL (this e2e app's own address) and
// comes back through the callback route, as Purwantara's would: accepted in local mode.
for (const locale of ["id", "en"] as const) {
  const t = messages[locale];
  test(`Settings: "Test my callback address" reaches the app and is accepted (${locale}) @phone`, async ({
    page,
  }) => {
    const admin = await createAccount("admin", locale);
    await signIn(page, admin);
    await navigate(page, t.nav.settings, locale);
    const panel = page.getByRole("region", { name: t.settings.selfTest.title });
    await panel.getByRole("button", { name: t.settings.selfTest.send }).click();
    await expect(panel.getByText(t.settings.selfTest.verdict.accepted)).toBeVisible();
    await expect(panel.getByText(t.settings.selfTest.tls.plain)).toBeVisible();
    await expect(panel.getByText(t.settings.selfTest.rows.latency)).toBeVisible();
    await checkScreen(page, locale);
  });
}
