import { expect, test } from "@playwright/test";

// Runs first (a project dependency in playwright.config.ts), on the fresh database.
test("on a fresh database the first visitor creates the admin account, once", async ({ page }) => {
  await page.goto("/transactions");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Create the first account" })).toBeVisible();

  await page.getByLabel("Your name").fill("Sari Owner");
  await page.getByLabel("Email").fill("owner@example.com");
  await page.getByLabel("Password", { exact: true }).fill("correct horse battery");
  await page.getByLabel("Repeat the password").fill("something else entirely");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("The passwords do not match.")).toBeVisible();
  await expect(page.getByLabel("Repeat the password")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Password", { exact: true }).fill("correct horse battery");
  await page.getByLabel("Repeat the password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByRole("heading", { name: "Transactions" })).toBeVisible();
  await expect(page.getByText("Sari Owner")).toBeVisible();

  const again = await page.request.get("/setup");
  expect(again.status()).toBe(404);
});
