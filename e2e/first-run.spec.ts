import { expect, test } from "@playwright/test";
import { m } from "./support/i18n";
import { checkScreen } from "./support/screen-checks";

// Runs first (a project dependency in playwright.config.ts), on the fresh database.
test("on a fresh database the first visitor creates the admin account, once", async ({ page }) => {
  const s = m.setup;
  await page.goto("/transactions");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: s.title })).toBeVisible();
  await checkScreen(page, "id");

  await page.getByLabel(s.name).fill("Sari Owner");
  await page.getByLabel(s.email).fill("owner@example.com");
  await page.getByLabel(s.password, { exact: true }).fill("correct horse battery");
  await page.getByLabel(s.confirm).fill("something else entirely");
  await page.getByRole("button", { name: s.submit }).click();
  await expect(page.getByText(m.validation.passwordMismatch)).toBeVisible();
  // Focus lands on the field at fault, which carries its error.
  await expect(page.getByLabel(s.confirm)).toBeFocused();
  await expect(page.getByLabel(s.confirm)).toHaveAttribute("aria-invalid", "true");
  await checkScreen(page, "id");

  await page.getByLabel(s.password, { exact: true }).fill("correct horse battery");
  await page.getByLabel(s.confirm).fill("correct horse battery");
  await page.getByRole("button", { name: s.submit }).click();
  await expect(page.getByRole("heading", { name: m.overview.title })).toBeVisible();
  await expect(page.getByText("Sari Owner").filter({ visible: true })).toBeVisible();

  const again = await page.request.get("/setup");
  expect(again.status()).toBe(404);
});
