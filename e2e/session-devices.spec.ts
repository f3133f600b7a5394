import { expect, test } from "@playwright/test";
import { createAccount } from "./support/accounts";
import { messages } from "./support/i18n";
import { signIn } from "./support/pages";
import { checkScreen } from "./support/screen-checks";

const phone =
  "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36";

test("the session list names each device's kind, browser and system", async ({ page, browser }) => {
  const account = await createAccount("operator");
  await signIn(page, account);
  const other = await browser.newPage({ userAgent: phone });
  await signIn(other, account);
  await page.goto("/profile");
  const t = messages.id.security;
  await expect(
    page.getByText(`${t.device.phone} · Chrome 131 · Android 14`, { exact: true }),
  ).toBeVisible();
  // This device is the test's desktop browser.
  await expect(page.getByText(new RegExp(`^${t.device.desktop} · `)).first()).toBeVisible();
  await checkScreen(page, "id");
  await other.close();
});
