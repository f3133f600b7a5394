import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createAccount } from "./support/accounts";
import { openChannelForm } from "./support/channels";
import { fill, m } from "./support/i18n";
import { signIn } from "./support/pages";
import { checkScreen } from "./support/screen-checks";
import { seedTransaction } from "./support/transactions";

const f = m.payment.fields;
const va = m.channels["virtual-account"].fields;
const flows = m.flows;

async function fillVirtualAccount(page: Page, name: string) {
  await page.getByLabel(va.bank, { exact: true }).selectOption("BNI");
  await page.getByLabel(va.name, { exact: true }).fill(name);
  await page.getByLabel(f.amount, { exact: true }).fill("82.500");
}

test("Back after creating points to the payment; the same bill again is asked about once @phone", async ({
  page,
}) => {
  await signIn(page, await createAccount("operator"));
  await openChannelForm(page, m.channels["virtual-account"].name);
  const buyer = `Budi ${randomBytes(3).toString("hex")}`;
  await fillVirtualAccount(page, buyer);
  await page.getByRole("button", { name: m.payment.submit }).click();
  await expect(page.getByText(m.transaction.created)).toBeVisible();
  // The steps are BNI's own menus.
  await expect(
    page.getByText(m.channels["virtual-account"].handoff.bankSteps.BNI.atm.s2!),
  ).toBeVisible();
  // (The hand-off's screen checks are channels.spec.ts's.)
  const first = new URL(page.url()).pathname;

  // Back lands on the form, which says the payment exists and links to it.
  await page.goBack();
  await expect(page.getByText(flows.justCreated)).toBeVisible();
  const link = page.getByRole("link", { name: flows.justCreatedLink });
  await expect(link).toHaveAttribute("href", first);
  await checkScreen(page, "id");

  // The same buyer, channel and amount again: asked once, with the way back to the first.
  await fillVirtualAccount(page, buyer);
  await page.getByRole("button", { name: m.payment.submit }).click();
  const justMade = flows.justCreated.replace(/\.$/, "");
  await expect(page.getByRole("alert").filter({ hasText: justMade })).toBeVisible();
  await expect(page.getByRole("link", { name: flows.repeat.open })).toHaveAttribute("href", first);
  // Nothing was lost while asking.
  await expect(page.getByLabel(va.name, { exact: true })).toHaveValue(buyer);
  await checkScreen(page, "id");
  await page.getByRole("button", { name: flows.repeat.confirm }).click();
  await expect(page.getByText(m.transaction.created)).toBeVisible();
  expect(new URL(page.url()).pathname).not.toBe(first);
});

test("what is typed survives Back and Forward, and an offline submit @phone", async ({
  page,
  context,
}) => {
  await signIn(page, await createAccount("operator"));
  await openChannelForm(page, m.channels.counter.name);
  const name = `Sari ${randomBytes(3).toString("hex")}`;
  const counterName = m.channels.counter.fields.name;
  await page.getByLabel(counterName, { exact: true }).fill(name);
  await page.getByLabel(f.amount, { exact: true }).fill("64.000");

  await page.goBack();
  await expect(page).toHaveURL(/\/payments\/new$/);
  await page.goForward();
  await expect(page.getByLabel(counterName, { exact: true })).toHaveValue(name);
  await expect(page.getByLabel(f.amount, { exact: true })).toHaveValue("64.000");
  await expect(page.getByText(flows.draft.restored)).toBeVisible();

  // Offline: nothing is sent, the form says so and keeps every field.
  await context.setOffline(true);
  await page.getByRole("button", { name: m.payment.submit }).click();
  await expect(page.getByRole("alert").filter({ hasText: flows.offline.notSent })).toBeVisible();
  await expect(page.getByLabel(counterName, { exact: true })).toHaveValue(name);
  await expect(page.getByLabel(f.amount, { exact: true })).toHaveValue("64.000");
  await checkScreen(page, "id");

  // Back online, the same form goes through; the draft is gone after.
  await context.setOffline(false);
  await page.getByRole("button", { name: m.payment.submit }).click();
  await expect(page.getByText(m.transaction.created)).toBeVisible();
  await openChannelForm(page, m.channels.counter.name);
  await expect(page.getByLabel(counterName, { exact: true })).toHaveValue("");
});

test("the expiry is typed as dd/mm/yyyy hh:mm in an English-language browser", async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: "en-US", timezoneId: "America/New_York" });
  const page = await context.newPage();
  await signIn(page, await createAccount("operator"));
  await openChannelForm(page, m.channels["virtual-account"].name);
  const expiry = page.getByLabel(fill(f.expiresAt, { zone: "WIB" }), { exact: true });
  await expect(expiry).toHaveValue(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  await expect(page.getByText(/31\/12\/2026 18:30 \(WIB\)/)).toBeVisible();

  const year = new Date().getFullYear() + 1;
  await fillVirtualAccount(page, `Expiry ${randomBytes(3).toString("hex")}`);
  await expiry.fill(`12/08/${year} 20:49`);
  await page.getByRole("button", { name: m.payment.submit }).click();
  await expect(page.getByText(m.transaction.created)).toBeVisible();
  // 12 August, not 8 December.
  await expect(page.getByText(`12 Agu ${year} 20.49 WIB`).first()).toBeVisible();

  // A time that is not one is refused beside the field, with what was typed kept.
  await openChannelForm(page, m.channels["virtual-account"].name);
  await fillVirtualAccount(page, `Expiry ${randomBytes(3).toString("hex")}`);
  await expiry.fill(`31/02/${year} 10:00`);
  await page.getByRole("button", { name: m.payment.submit }).click();
  await expect(expiry).toHaveAttribute("aria-invalid", "true");
  await expect(expiry).toHaveValue(`31/02/${year} 10:00`);
  await context.close();
});

test("the live mark turns grey with Offline without a network, and back", async ({
  page,
  context,
}) => {
  await seedTransaction({ title: `Live ${randomBytes(3).toString("hex")}`, state: "active" });
  await signIn(page, await createAccount("finance"));
  await page.goto("/transactions");
  const live = page.getByText(m.transactions.live, { exact: true });
  await expect(live).toBeVisible();
  await context.setOffline(true);
  await expect(page.getByText(flows.liveOffline)).toBeVisible();
  await expect(live).toHaveCount(0);
  await checkScreen(page, "id");
  await context.setOffline(false);
  await expect(live).toBeVisible();
  await expect(page.getByText(flows.liveOffline)).toHaveCount(0);
});
