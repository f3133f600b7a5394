import { expect, test, type Page } from "@playwright/test";
import { createAccount } from "./support/accounts";
import { mailCatcherClient } from "../tools/mail-catcher/client";
import { emulatorUrl, mailCatcherUrl } from "./support/env";
import { fill, messages, m } from "./support/i18n";
import { navigate, signIn } from "./support/pages";
import { checkScreen } from "./support/screen-checks";

/**
 * Team, settings and the audit log, as an admin runs them: invite a colleague who then
 * signs in, change a setting and find it in the audit log, switch to live data once
 * production credentials are saved (against the emulator), and the screens themselves.
 */
const team = m.team;
const settings = m.settings;

/** The settings card of one mode (its heading is the mode's name). */
function modeCard(page: Page, mode: "local" | "production") {
  return page.getByRole("region", { name: m.mode[mode], exact: true });
}

test("an admin invites a colleague, who sets a password and signs in", async ({
  page,
  browser,
  baseURL,
}) => {
  const admin = await createAccount("admin");
  await signIn(page, admin);
  await navigate(page, m.nav.team);
  await expect(page.getByRole("heading", { name: team.title, exact: true })).toBeVisible();

  const email = `invited-${Date.now()}@example.com`;
  const inviteForm = page.getByRole("region", { name: team.invite.title });
  await inviteForm.getByLabel(team.invite.email).fill(email);
  await inviteForm.getByLabel(team.invite.role).selectOption("finance");
  await page.getByRole("button", { name: team.invite.submit }).click();
  // An SMTP server is configured (the mail catcher): the link is emailed, and shown once.
  await expect(page.getByText(fill(team.invite.emailed, { email }))).toBeVisible();
  await expect(page.getByText(team.invite.linkNoteMailed)).toBeVisible();
  const link = await page.getByLabel(team.invite.linkLabel).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  const [invitationMail] = await mailCatcherClient(mailCatcherUrl).waitFor(email, {
    timeoutMs: 30_000,
  });
  expect(invitationMail!.text).toContain(link);
  // The open invitation is listed until it is used.
  await expect(
    page.getByRole("button", { name: fill(team.pending.revokeFor, { email }) }),
  ).toBeVisible();

  const invitee = await browser.newContext({ baseURL });
  const their = await invitee.newPage();
  await their.goto(link);
  const inv = m.invite;
  await expect(their.getByRole("heading", { name: inv.title })).toBeVisible();
  await their.getByLabel(inv.name, { exact: true }).fill("Rina Keuangan");
  await their.getByLabel(inv.password, { exact: true }).fill("short");
  await their.getByLabel(inv.confirm).fill("short");
  await their.getByRole("button", { name: inv.submit }).click();
  await expect(their.getByText(fill(m.validation.passwordTooShort, { minimum: 12 }))).toBeVisible();
  const password = "a-long-enough-password";
  await their.getByLabel(inv.password, { exact: true }).fill(password);
  await their.getByLabel(inv.confirm).fill(password);
  await their.getByRole("button", { name: inv.submit }).click();
  await expect(
    their.getByRole("heading", { name: m.transactions.title, exact: true }),
  ).toBeVisible();
  // Finance: no team page in their navigation.
  await expect(their.getByRole("link", { name: m.nav.team, exact: true })).toHaveCount(0);
  await invitee.close();

  // The link worked once.
  const again = await browser.newContext({ baseURL });
  const second = await again.newPage();
  await second.goto(link);
  await expect(second.getByText(inv.invalid.used)).toBeVisible();
  await again.close();

  // And the new colleague signs in with what they chose.
  const fresh = await browser.newContext({ baseURL });
  await signIn(await fresh.newPage(), {
    email,
    password,
    name: "Rina Keuangan",
    role: "finance",
    locale: "id",
  });
  await fresh.close();

  await page.reload();
  const row = page.getByRole("listitem").filter({ hasText: email });
  await expect(
    row.locator("p", { hasText: new RegExp(`^${team.members.role}: ${m.role.finance}$`) }),
  ).toHaveCount(1);
  await expect(
    page.getByRole("button", { name: fill(team.pending.revokeFor, { email }) }),
  ).toHaveCount(0);
});

test("an admin changes a setting and finds it in the audit log", async ({ page }) => {
  const admin = await createAccount("admin");
  await signIn(page, admin);
  await navigate(page, m.nav.settings);
  const name = `Toko Uji ${Date.now()}`;
  await page.getByLabel(settings.merchant.businessName).fill(name);
  await page.getByLabel(m.channel.counter).fill("3");
  await page.getByRole("button", { name: settings.merchant.save }).click();
  await expect(page.getByText(settings.done.merchantSaved)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(settings.merchant.businessName)).toHaveValue(name);

  await navigate(page, m.nav.audit);
  await page
    .getByLabel(m.audit.filters.person)
    .selectOption({ label: `${admin.name} (${admin.email})` });
  await page.getByLabel(m.audit.filters.action).selectOption("settings.changed");
  await page.getByRole("button", { name: m.audit.filters.apply }).click();
  const entry = page.getByRole("row").filter({ hasText: m.audit.actions.settings.changed });
  await expect(entry).toHaveCount(1);
  // The changed settings by their labels, never their field names.
  await expect(entry).toContainText(m.audit.settingNames.businessName);
  await expect(entry).toContainText(
    fill(m.audit.settingNames.settlementDelay, { channel: m.channel.counter }),
  );
  // Field names only, never values.
  await expect(entry).not.toContainText(name);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: m.audit.export }).click();
  const csv = await (await download).path();
  const { readFile } = await import("node:fs/promises");
  const text = await readFile(csv, "utf8");
  expect(text.split("\r\n")[0]).toBe(
    "id,at_utc,actor_email,actor_name,action,mode,target_type,target_id,ip,details",
  );
  expect(text).toContain("settings.changed");
});

test("live data needs production credentials; saved, the header switches test and live", async ({
  page,
}) => {
  const admin = await createAccount("admin");
  await signIn(page, admin);
  const sw = m.modeSwitch;
  const live = page.getByRole("button", { name: sw.live, exact: true });
  const testView = page.getByRole("button", { name: sw.test, exact: true });
  await expect(testView).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText(m.shell.testDataBanner)).toBeVisible();

  await navigate(page, m.nav.settings);
  const production = modeCard(page, "production");
  if (await live.isDisabled()) {
    await expect(
      production.getByText(settings.gateway.notConfigured, { exact: true }),
    ).toBeVisible();
    await production.getByLabel(settings.gateway.baseUrl).fill(`${emulatorUrl}/v1/`);
    await production.getByLabel(settings.gateway.token).fill("e2e-gateway-token");
    await production
      .getByLabel(settings.gateway.callbackSecret)
      .fill("e2e-live-callback-secret-0001");
    await production.getByLabel(settings.gateway.currentPassword).fill(admin.password);
    await production.getByRole("button", { name: settings.gateway.save }).click();
    await expect(
      production.getByText(fill(settings.done.saved, { mode: m.mode.production })),
    ).toBeVisible();
  }
  await expect(production.getByText(settings.gateway.configured, { exact: true })).toBeVisible();
  // Shown by its last four characters and its source, never whole.
  await expect(production.getByText(/0001/)).toBeVisible();
  await expect(page.getByText("e2e-live-callback-secret-0001")).toHaveCount(0);
  await production.getByRole("button", { name: settings.connection.test }).click();
  await expect(production.getByText(settings.connection.accepted)).toBeVisible();

  await expect(live).toBeEnabled();
  await live.click();
  await expect(live).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText(m.shell.testDataBanner)).toHaveCount(0);
  // Remembered for the person: still live on another page.
  await navigate(page, m.nav.transactions);
  await expect(page.getByRole("button", { name: sw.live, exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.getByRole("button", { name: sw.test, exact: true }).click();
  await expect(page.getByText(m.shell.testDataBanner)).toBeVisible();

  await navigate(page, m.nav.audit);
  await page.getByLabel(m.audit.filters.action).selectOption("settings.mode_switched");
  await page.getByRole("button", { name: m.audit.filters.apply }).click();
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: admin.name })
      .filter({ hasText: m.audit.actions.settings.mode_switched }),
  ).toHaveCount(2);
});

test("local mode: test connection and a test callback reach this app", async ({ page }) => {
  await signIn(page, await createAccount("admin"));
  await navigate(page, m.nav.settings);
  const local = modeCard(page, "local");
  await local.getByRole("button", { name: settings.connection.test }).click();
  await expect(local.getByText(settings.connection.accepted)).toBeVisible();
  await local.getByRole("button", { name: settings.testCallback.send }).click();
  await expect(local.getByText(/\/api\/webhooks\/purwantara/).first()).toBeVisible();
  await expect(
    local
      .getByRole("status")
      .filter({ hasText: settings.testCallback.received.split("{url}")[0]! }),
  ).toBeVisible();
});

test("team, settings and audit screens", { tag: "@phone" }, async ({ page }) => {
  const admin = await createAccount("admin", "en");
  await signIn(page, admin);
  const en = messages.en;
  for (const [path, title] of [
    ["/team", en.team.title],
    ["/settings", en.settings.title],
    ["/audit", en.audit.title],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: title, exact: true, level: 1 })).toBeVisible();
    await checkScreen(page, "en");
  }
});
