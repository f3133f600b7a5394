import { expect, test } from "@playwright/test";
import { createAccount } from "./support/accounts";
import {
  dueNow,
  externalIdOf,
  leavePendingDelivery,
  leaveQuarantinedDelivery,
  postCallback,
  purwantaraUuidOf,
  stateOf,
} from "./support/callbacks";
import { fill, m } from "./support/i18n";
import { navigate, signIn, transactionEntry } from "./support/pages";
import { seedTransaction } from "./support/transactions";
import { randomUUID } from "node:crypto";

const inbox = m.callbacks.inbox;

test("admin sees what waits in the inbox, re-verifies a quarantined delivery, and finance sees a bill paid twice", async ({
  page,
  request,
}) => {
  const stamp = Date.now();
  // One bill paid twice: the first payment, then another uuid under the same bill.
  const first = await seedTransaction({ title: `Tagihan ganda ${stamp}`, state: "paid" });
  await postCallback(request, {
    uuid: randomUUID(),
    external_id: await externalIdOf(first),
    title: `Tagihan ganda ${stamp}`,
    amount: "45000.0000",
  });
  // One delivery waiting in the inbox, one in quarantine.
  const waiting = await seedTransaction({ title: `Menunggu ${stamp}`, state: "active" });
  const pendingId = await leavePendingDelivery({
    uuid: await purwantaraUuidOf(waiting),
    amount: "45000.0000",
  });
  const held = await seedTransaction({ title: `Karantina ${stamp}`, state: "active" });
  const quarantinedId = await leaveQuarantinedDelivery({
    uuid: await purwantaraUuidOf(held),
    amount: "45000.0000",
  });

  await signIn(page, await createAccount("admin"));
  await navigate(page, m.nav.callbacks);
  const pending = page.getByRole("region", { name: /menunggu diterapkan/ });
  await expect(pending.getByText(pendingId)).toBeVisible();
  await expect(
    pending.getByText(
      fill(inbox.attempts.replace(/\{count, plural, other \{(.*)\}\}/, "$1").replace("#", "{n}"), {
        n: 2,
      }),
    ),
  ).toBeVisible();
  const quarantine = page.getByRole("region", { name: /karantina/i });
  await expect(quarantine.getByText(quarantinedId)).toBeVisible();
  await quarantine.getByRole("button", { name: inbox.reverify }).click();
  await expect(quarantine.getByRole("status")).toContainText(/[1-9]\d* cocok dan diterapkan/);
  await expect.poll(() => stateOf(held), { timeout: 15_000 }).toBe("paid");
  expect(await stateOf(waiting)).toBe("active");
  // Its next try comes due: a drainer of the running app applies it.
  await dueNow(pendingId);
  await expect.poll(() => stateOf(waiting), { timeout: 15_000 }).toBe("paid");

  // Both payments of the bill carry the flag, in the list.
  await navigate(page, m.nav.transactions);
  await page.getByLabel(m.filters.search, { exact: true }).fill(`Tagihan ganda ${stamp}`);
  const rows = transactionEntry(page, `Tagihan ganda ${stamp}`).filter({ visible: true });
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) await expect(row).toContainText(m.flags.paid_twice);

  // The first payment's page names the other one, and opens it.
  await page.goto(`/transactions/${first}`);
  const bill = page.getByRole("region", { name: /pembayaran lain untuk tagihan yang sama/ });
  await expect(bill).toContainText(m.transaction.bill.paidTwice);
  await bill.getByRole("link").click();
  await expect(page).not.toHaveURL(new RegExp(first));
  await expect(page.getByRole("region", { name: /pembayaran lain/ })).toBeVisible();
});
