import { expect, test, type Page } from "@playwright/test";
import { createAccount, type TestAccount } from "./support/accounts";
import { emulatorUrl } from "./support/env";
import { fill, m, messages } from "./support/i18n";
import { navigate, signIn } from "./support/pages";
import { checkScreen } from "./support/screen-checks";

const confirm = m.flows.confirm;
const settings = m.settings;

/** The confirming dialog a dangerous action opens. */
const dialog = (page: Page) => page.getByRole("dialog");

test("revoking an invitation and disabling an account each ask first, saying what stops @phone", async ({
  page,
}) => {
  const admin = await createAccount("admin");
  const colleague = await createAccount("operator");
  await signIn(page, admin);
  await navigate(page, m.nav.team);

  const email = `confirm-${Date.now()}@example.com`;
  const invite = page.getByRole("region", { name: m.team.invite.title });
  await invite.getByLabel(m.team.invite.email).fill(email);
  await page.getByRole("button", { name: m.team.invite.submit }).click();
  const revoke = page.getByRole("button", { name: fill(m.team.pending.revokeFor, { email }) });
  await revoke.click();
  await expect(dialog(page)).toContainText(fill(confirm.revokeTitle, { email }));
  await expect(dialog(page)).toContainText(fill(confirm.revokeStops, { email }));
  await checkScreen(page, "id");
  // Cancel acts on nothing.
  await dialog(page).getByRole("button", { name: confirm.cancel }).click();
  await expect(dialog(page)).toBeHidden();
  await page.reload();
  await expect(revoke).toBeVisible();
  await revoke.click();
  await dialog(page).getByRole("button", { name: m.team.pending.revoke }).click();
  await expect(page.getByText(m.team.done.revoked).first()).toBeVisible();
  await page.reload();
  await expect(revoke).toHaveCount(0);

  const member = page.getByRole("listitem").filter({ hasText: colleague.email });
  await member.getByText(fill(m.team.manage.open, { name: colleague.name })).click();
  await member.getByRole("button", { name: m.team.manage.disable }).click();
  await expect(dialog(page)).toContainText(fill(confirm.disableStops, { name: colleague.name }));
  await page.keyboard.press("Escape");
  await expect(dialog(page)).toBeHidden();
  await member.getByRole("button", { name: m.team.manage.disable }).click();
  await dialog(page).getByRole("button", { name: m.team.manage.disable }).click();
  await expect(member.getByText(m.team.members.disabled, { exact: true })).toBeVisible();
});

test("retiring the old secret warns while the new one verified nothing; removing credentials says live-like payments stop", async ({
  page,
}) => {
  const admin = await createAccount("admin");
  await signIn(page, admin);
  await navigate(page, m.nav.settings);
  const sandbox = page.getByRole("region", { name: m.mode.sandbox, exact: true });
  await sandbox.getByLabel(settings.gateway.baseUrl).fill(`${emulatorUrl}/v1/`);
  await sandbox.getByLabel(settings.gateway.token).fill("e2e-gateway-token");
  await sandbox.getByLabel(settings.gateway.callbackSecret).fill("e2e-sandbox-secret-0001");
  await sandbox.getByLabel(settings.gateway.currentPassword).fill(admin.password);
  await sandbox.getByRole("button", { name: settings.gateway.save }).click();
  await expect(
    sandbox.getByText(fill(settings.done.saved, { mode: m.mode.sandbox })),
  ).toBeVisible();

  await sandbox.getByLabel(settings.rotation.newSecret).fill("e2e-sandbox-secret-0002");
  await sandbox.getByRole("button", { name: settings.rotation.start }).click();
  // The rotation is under way: the old secret can be retired (the form that started it is gone).
  await sandbox.getByRole("button", { name: settings.rotation.retire }).click();
  await expect(dialog(page)).toContainText(confirm.retireStops);
  await expect(dialog(page)).toContainText(confirm.retireUnverified);
  await checkScreen(page, "id");
  await dialog(page).getByRole("button", { name: confirm.cancel }).click();

  await sandbox.getByRole("button", { name: settings.gateway.clear }).click();
  await expect(dialog(page)).toContainText(fill(confirm.clearTitle, { mode: m.mode.sandbox }));
  await expect(dialog(page)).toContainText(confirm.clearStopsTest);
  await dialog(page).getByRole("button", { name: settings.gateway.clear }).click();
  await expect(page.getByText(settings.done.cleared).first()).toBeVisible();
  await expect(sandbox.getByText(settings.gateway.notConfigured, { exact: true })).toBeVisible();
});

async function signInHere(page: Page, account: TestAccount) {
  await page.getByLabel(m.login.email).fill(account.email);
  await page.getByLabel(m.login.password).fill(account.password);
  await page.getByRole("button", { name: m.login.submit, exact: true }).click();
}

test("signed out from another device: the sign-in page says why and leads back @phone", async ({
  page,
  browser,
}) => {
  const operator = await createAccount("operator");
  await signIn(page, operator);
  await page.goto("/transactions?status=paid");

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, operator);
  await navigate(otherPage, m.nav.profile);
  await otherPage.getByRole("button", { name: m.security.endOthers }).click();
  await expect(otherPage.getByText(/1 sesi lain/)).toBeVisible();
  await other.close();

  await page.reload();
  await expect(page).toHaveURL(/\/login\?/);
  await expect(page.getByText(m.login.signedOutElsewhere)).toBeVisible();
  await expect(page.getByText(m.flows.signedOutReturn)).toBeVisible();
  await checkScreen(page, "id");
  await signInHere(page, operator);
  await expect(page).toHaveURL(/\/transactions\?status=paid$/);
});

test("the profile shows the saved zone and language, and saving again keeps them", async ({
  page,
}) => {
  await signIn(page, await createAccount("finance"));
  await navigate(page, m.nav.profile);
  const zone = page.getByLabel(m.profile.timeZone, { exact: true });
  await zone.selectOption("Asia/Makassar");
  await page.getByRole("button", { name: m.common.save, exact: true }).click();
  await expect(page.getByText(m.profile.saved)).toBeVisible();
  await expect(zone).toHaveValue("Asia/Makassar");
  // Saving again without touching anything keeps WITA.
  await page.getByRole("button", { name: m.common.save, exact: true }).click();
  await expect(zone).toHaveValue("Asia/Makassar");
  await page.reload();
  await expect(zone).toHaveValue("Asia/Makassar");

  const en = messages.en;
  await page.getByLabel(m.profile.language, { exact: true }).selectOption("en");
  await page.getByRole("button", { name: m.common.save, exact: true }).click();
  await expect(page.getByText(en.profile.saved)).toBeVisible();
  await expect(page.getByLabel(en.profile.language, { exact: true })).toHaveValue("en");
  await expect(page.getByLabel(en.profile.timeZone, { exact: true })).toHaveValue("Asia/Makassar");
  await checkScreen(page, "en");
  await page.getByRole("button", { name: en.common.save, exact: true }).click();
  await page.reload();
  await expect(page.getByLabel(en.profile.language, { exact: true })).toHaveValue("en");
  await expect(page.getByLabel(en.profile.timeZone, { exact: true })).toHaveValue("Asia/Makassar");
});

test("date filters are typed as dd/mm/yyyy with the zone beside them", async ({ page }) => {
  await signIn(page, await createAccount("admin"));
  await navigate(page, m.nav.audit);
  await page.getByLabel(m.audit.filters.from).fill("01/12/2026");
  await page.getByLabel(m.audit.filters.to).fill("7/12/2026");
  await page.getByRole("button", { name: m.audit.filters.apply }).click();
  await expect(page).toHaveURL(/from=2026-12-01/);
  await expect(page).toHaveURL(/to=2026-12-07/);
  await expect(page.getByLabel(m.audit.filters.from)).toHaveValue("01/12/2026");
  await expect(page.getByLabel(m.audit.filters.to)).toHaveValue("07/12/2026");
  await expect(page.getByText("WIB", { exact: true }).first()).toBeVisible();
  await checkScreen(page, "id");
});
