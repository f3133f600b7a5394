import { expect, test, type Page } from "@playwright/test";
import { startRelayReceiver, type RelayReceiver } from "../testing/relay-receiver";
import { createAccount } from "./support/accounts";
import { fill, messages, m, type TestLocale } from "./support/i18n";
import { navigate, signIn } from "./support/pages";
import { checkScreen } from "./support/screen-checks";

/**
 * The relay's admin page, click by click: add an endpoint pointing at a receiver this
 * test starts (it verifies every signature with standardwebhooks), send a test event,
 * see it in the delivery log, send it again. Each screen at 390, 768 and 1366 px.
 */
const t = m.relay;
let receiver: RelayReceiver;

test.beforeAll(async () => {
  receiver = await startRelayReceiver();
});
test.afterAll(async () => {
  await receiver.close();
});

async function checkWidths(page: Page, locale: TestLocale) {
  for (const width of [390, 768, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await checkScreen(page, locale);
  }
}

test("an admin adds an endpoint, sends a test event, sees it delivered and replays it", async ({
  page,
}) => {
  // Twelve screen checks (axe at three widths, two languages) on a loaded 2-core machine.
  test.setTimeout(300_000);
  const admin = await createAccount("admin");
  await signIn(page, admin);
  await navigate(page, m.nav.relay);
  await expect(page.getByRole("heading", { name: t.title })).toBeVisible();
  await checkWidths(page, "id");

  const path = `/erp-${Date.now()}`;
  await page.getByLabel(t.form.url).fill(`${receiver.origin}${path}`);
  await page.getByLabel(t.form.description).fill("ERP gudang");
  await page.getByRole("button", { name: t.addSubmit }).click();
  await expect(page.getByText(t.added)).toBeVisible();
  const secret = await page.getByLabel(t.secret.label).inputValue();
  expect(secret).toMatch(/^whsec_/);
  receiver.secret(path, secret);

  await page.getByRole("link", { name: `${receiver.origin}${path}` }).click();
  await expect(page.getByRole("heading", { name: t.endpointTitle })).toBeVisible();
  await expect(page.getByText(t.log.empty.title)).toBeVisible();
  await checkWidths(page, "id");

  // Queued and answered at once; the page shows the result when the job has sent it.
  await page.getByRole("button", { name: t.test }).click();
  await expect(page.getByText(t.try.testQueued)).toBeVisible();
  const log = page.getByRole("list", { name: t.log.title });
  await expect(log.getByText(t.event.relay.test)).toBeVisible();
  await expect(log.getByText(t.log.state.delivered)).toBeVisible({ timeout: 20_000 });
  expect(receiver.delivered(path)).toMatchObject([
    { verified: true, body: { type: "relay.test" } },
  ]);
  await checkWidths(page, "id");

  await page
    .getByRole("button", { name: fill(t.log.replayOf, { event: t.event.relay.test }) })
    .click();
  await page.getByRole("dialog").getByRole("button", { name: t.log.replay }).click();
  await expect(page.getByText(t.try.replayQueued).first()).toBeVisible();
  await expect.poll(() => receiver.delivered(path).length, { timeout: 20_000 }).toBe(2);
  const delivered = receiver.delivered(path);
  expect(delivered).toHaveLength(2);
  // The same event again: the same webhook-id, so the receiver can tell a repeat.
  expect(delivered[1]!.id).toBe(delivered[0]!.id);

  // The same screens in English.
  const english = await createAccount("admin", "en");
  await page.context().clearCookies();
  await signIn(page, english);
  await navigate(page, messages.en.nav.relay, "en");
  await expect(page.getByRole("heading", { name: messages.en.relay.title })).toBeVisible();
  await checkWidths(page, "en");
  await page.getByRole("link", { name: `${receiver.origin}${path}` }).click();
  await expect(page.getByRole("heading", { name: messages.en.relay.endpointTitle })).toBeVisible();
  await checkWidths(page, "en");
});

test("a bad address is refused beside its field, with nothing saved", async ({ page }) => {
  const admin = await createAccount("admin");
  await signIn(page, admin);
  await page.goto("/relay");
  await page.getByLabel(t.form.url).fill("ftp://erp.example.com/hook");
  await page.getByRole("button", { name: t.addSubmit }).click();
  await expect(page.getByText(m.validation.urlFormat)).toBeVisible();
  await expect(page.getByRole("link", { name: "ftp://erp.example.com/hook" })).toHaveCount(0);
});
