import { randomBytes, randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { createAccount } from "./support/accounts";
import { databaseUrl } from "./support/env";
import { m } from "./support/i18n";
import { signIn } from "./support/pages";
import { expectNoSidewaysScroll } from "./support/screen-checks";

/** A 255-character buyer's name, and a title with a long unbroken word. */
const longName = "Raden Ayu Siti Nurhaliza Kusumawardhani Purbonegoro ".repeat(6).slice(0, 255);
const longTitle = (tag: string) => `${tag} ${"Pembayaran".repeat(20)} deposit katering`;

async function seedWideRow(tag: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into transactions (mode, channel, external_id, purwantara_uuid, title, amount, fee, state,
         raw_status, customer_name, created_at, paid_at)
       values ('local', 'qris', $1, $2, $3, 18000, null, 'paid', 'PAID', $4, now() - interval '1 hour', now())`,
      [`LAY-${tag}`, randomUUID(), longTitle(tag), longName],
    );
  } finally {
    await client.end();
  }
}

/**
 * Brings `target` into view the way a person would (the table's own sideways scroll,
 * then the page's), then checks it is on screen and not covered by anything (the
 * sticky title column included).
 */
async function expectReachable(page: Page, target: Locator, what: string): Promise<void> {
  await target.evaluate((el) => el.scrollIntoView({ block: "center", inline: "end" }));
  // Nearly whole: an edge cell aligned to the box may lose a fraction of a pixel.
  await expect(target, what).toBeInViewport({ ratio: 0.95 });
  const uncovered = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (el === hit || el.contains(hit));
  });
  expect(uncovered, `${what} is not covered`).toBe(true);
}

for (const width of [768, 1024, 1366]) {
  test(`at ${width} px every column of the table is reachable, with a 255-character name`, async ({
    page,
  }, testInfo) => {
    const tag = `Lay${randomBytes(3).toString("hex")}`;
    await seedWideRow(tag);
    await page.setViewportSize({ width, height: 900 });
    await signIn(page, await createAccount("finance"));
    await page.goto(`/transactions?q=${tag}`);
    const table = page.getByRole("region", { name: m.transactions.tableLabel });
    const row = table.getByRole("row", { name: new RegExp(tag) });
    await expect(row).toBeVisible();

    // The page itself never scrolls sideways; the table scrolls inside its own box.
    await expectNoSidewaysScroll(page);
    const box = (await table.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(width);

    for (const column of ["title", "channel", "amount", "status", "created", "paid"] as const) {
      const name = m.transactions.columns[column];
      const header = table.getByRole("columnheader", { name: new RegExp(`^${name}$`, "i") });
      await expectReachable(page, header, `the ${name} header at ${width} px`);
    }
    await expectReachable(
      page,
      row.getByText(m.status.paid, { exact: true }),
      `the row's status at ${width} px`,
    );

    // Long text stays in its cell (cut short, the whole of it in the title attribute).
    const name = row.getByTitle(longName, { exact: true });
    await expect(name).toHaveCount(1);
    const nameBox = (await name.boundingBox())!;
    expect(nameBox.width).toBeLessThan(400);
    await expect(row.getByRole("link", { name: longTitle(tag) })).toHaveAttribute(
      "title",
      longTitle(tag),
    );
    // The amount is one line: "Rp 18.000", never "Rp" above "18.000".
    const amount = row.getByText(/^Rp\s?18\.000$/);
    const amountBox = (await amount.boundingBox())!;
    expect(amountBox.height).toBeLessThan(28);

    await table.evaluate((el) => el.scrollTo({ left: 0 }));
    await page.screenshot({ path: testInfo.outputPath(`transactions-${width}.png`) });
    if (process.env.E2E_SCREENSHOTS) {
      await page.screenshot({ path: `${process.env.E2E_SCREENSHOTS}/layout-${width}.png` });
      await table.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      await page.screenshot({
        path: `${process.env.E2E_SCREENSHOTS}/layout-${width}-scrolled.png`,
      });
    }
  });
}
