import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createAccount } from "./support/accounts";
import { postCallback, purwantaraUuidOf, reopenTransaction, stateOf } from "./support/callbacks";
import { fill, m, messages, type TestLocale } from "./support/i18n";
import { navigate, signIn } from "./support/pages";
import { checkScreen, expectNoSidewaysScroll } from "./support/screen-checks";
import { seedTransaction } from "./support/transactions";

const c = m.callbacks;

/** A delivery in the log: a table row on a desktop, a card on a phone. */
function logEntry(page: Page, title: string) {
  return page
    .getByRole("row", { name: new RegExp(title) })
    .or(page.getByRole("listitem").filter({ hasText: title }))
    .filter({ visible: true });
}

async function openEntry(page: Page, title: string, locale: TestLocale = "id") {
  const prefix = messages[locale].callbacks.openDelivery.split("{")[0]!;
  await logEntry(page, title)
    .first()
    .getByRole("link", { name: new RegExp(`^${prefix}`) })
    .click();
  await expect(
    page.getByRole("heading", { level: 1, name: messages[locale].callbacks.detail.title }),
  ).toBeVisible();
}

test("admin filters the log, replays a delivery after a dry run, and resolves one held for review", async ({
  page,
  request,
}) => {
  const stamp = Date.now();
  const paidTitle = `Kopi replay ${stamp}`;
  const heldTitle = `Teh ditahan ${stamp}`;
  const paid = await seedTransaction({ title: paidTitle, state: "active", amount: "10000" });
  await postCallback(request, { uuid: await purwantaraUuidOf(paid), title: paidTitle });
  expect(await stateOf(paid)).toBe("paid");
  await reopenTransaction(paid);
  const held = await seedTransaction({ title: heldTitle, state: "active", amount: "10000" });
  await postCallback(request, {
    uuid: await purwantaraUuidOf(held),
    title: heldTitle,
    amount: "99000.0000",
  });

  await signIn(page, await createAccount("admin"));
  await navigate(page, m.nav.callbacks);
  await expect(page.getByRole("heading", { level: 1, name: c.title })).toBeVisible();
  await expect(page.getByRole("heading", { name: c.health.title })).toBeVisible();

  // Filter: only deliveries held for review.
  await page.getByRole("checkbox", { name: c.outcome.needs_review }).check();
  await page.getByRole("button", { name: c.filters.apply }).click();
  await expect(page).toHaveURL(/outcome=needs_review/);
  await expect(logEntry(page, heldTitle)).toHaveCount(1);
  await expect(logEntry(page, paidTitle)).toHaveCount(0);

  // Resolve it: preview acceptance, then accept with a note.
  await openEntry(page, heldTitle);
  await expect(page.getByText(/99000/).first()).toBeVisible();
  await page.getByRole("button", { name: c.resolve.preview }).click();
  const preview = page.getByRole("region", { name: c.resolve.previewTitle });
  await expect(preview).toContainText(c.outcome.applied);
  await expect(preview).toContainText(
    fill(c.replay.stateMove, { from: m.status.active, to: m.status.paid }),
  );
  expect(await stateOf(held)).toBe("active");
  await page.getByRole("button", { name: c.resolve.accept }).click();
  await expect(page.getByText(c.resolve.noteRequired)).toBeVisible();
  await page.getByLabel(c.resolve.note).fill("Pembeli membayar harga baru");
  await page.getByRole("button", { name: c.resolve.accept }).click();
  await expect(page.getByText(c.resolve.accepted).first()).toBeVisible();
  expect(await stateOf(held)).toBe("paid");

  // Replay the other one: the dry run changes nothing, apply moves it.
  await page.goto("/callbacks");
  await openEntry(page, paidTitle);
  await page.getByRole("button", { name: c.replay.dryRun }).click();
  const dry = page.getByRole("region", { name: c.replay.previewTitle });
  await expect(dry).toContainText(
    fill(c.replay.stateMove, { from: m.status.active, to: m.status.paid }),
  );
  expect(await stateOf(paid)).toBe("active");
  await page.getByRole("button", { name: c.replay.apply }).click();
  await expect(page.getByRole("region", { name: c.replay.doneTitle })).toBeVisible();
  expect(await stateOf(paid)).toBe("paid");
  await page.getByRole("link", { name: c.replay.openNew }).click();
  await expect(page.getByText(c.detail.replayOf, { exact: true })).toBeVisible();
});

test("finance reads the log and a delivery, without replay or resolve", async ({
  page,
  request,
}) => {
  const title = `Finance lihat ${Date.now()}`;
  const tx = await seedTransaction({ title, state: "active", amount: "10000" });
  await postCallback(request, { uuid: await purwantaraUuidOf(tx), title, amount: "1.0000" });
  await signIn(page, await createAccount("finance"));
  await navigate(page, m.nav.callbacks);
  await openEntry(page, title);
  await expect(page.getByText(c.detail.exact, { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: c.replay.dryRun })).toHaveCount(0);
  await expect(page.getByRole("button", { name: c.resolve.preview })).toHaveCount(0);
  await expect(page.getByRole("button", { name: c.resolve.dismiss })).toHaveCount(0);
});

/** A held delivery whose body carries a NUL escape in a field the app never reads. */
async function oddDelivery(request: APIRequestContext, title: string) {
  const tx = await seedTransaction({ title, state: "active", amount: "10000" });
  return postCallback(request, {
    uuid: await purwantaraUuidOf(tx),
    title,
    description: "nul\u0000 zw\u200b",
    amount: "20000.0000",
  });
}

for (const locale of ["id", "en"] as TestLocale[]) {
  const t = messages[locale];

  test(`callback log screens (${locale})`, { tag: "@phone" }, async ({ page, request }) => {
    const title = `Layar log ${locale} ${Date.now()}`;
    await oddDelivery(request, title);
    await signIn(page, await createAccount("admin", locale));
    // Filtered to the held ones: every spec's deliveries share this database, and axe on a
    // page of 50 rows (a table and its phone cards) is slow on a loaded machine.
    await page.goto("/callbacks?outcome=needs_review");
    await expect(page.getByRole("heading", { level: 1, name: t.callbacks.title })).toBeVisible();
    await expect(logEntry(page, title)).toHaveCount(1);
    await check(page, locale);

    await page.goto("/callbacks?outcome=rejected&from=2026-13-01");
    await expect(page.getByText(t.callbacks.filters.dateInvalid)).toBeVisible();
    await check(page, locale);
  });

  test(`callback delivery screens (${locale})`, { tag: "@phone" }, async ({ page, request }) => {
    const id = await oddDelivery(request, `Layar rincian ${locale} ${Date.now()}`);
    await signIn(page, await createAccount("admin", locale));
    await page.goto(`/callbacks/${id}`);
    await expect(
      page.getByRole("heading", { level: 1, name: t.callbacks.detail.title }),
    ).toBeVisible();
    await expect(page.getByText("\\u0000").first()).toBeVisible();
    await check(page, locale);
    await page.getByRole("button", { name: t.callbacks.resolve.preview }).click();
    await expect(
      page.getByRole("region", { name: t.callbacks.resolve.previewTitle }),
    ).toBeVisible();
    await check(page, locale);
  });
}

async function check(page: Page, locale: TestLocale) {
  await checkScreen(page, locale);
  const size = page.viewportSize();
  if (size && size.width < 768 && size.width > 360) {
    await page.setViewportSize({ width: 360, height: size.height });
    await expectNoSidewaysScroll(page);
    await page.setViewportSize(size);
  }
}
