import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createAccount } from "./support/accounts";
import { decodeQr, openChannelForm, payInSimulator, referenceOnPage } from "./support/channels";
import { emulatorUrl } from "./support/env";
import { m } from "./support/i18n";
import { signIn } from "./support/pages";

const f = m.payment.fields;

type ChannelCase = {
  channel: keyof typeof m.channels;
  fill: (page: Page, label: string) => Promise<void>;
  /** What the buyer is handed, checked on the detail page right after creating. */
  handoff: (page: Page) => Promise<void>;
};

const cases: ChannelCase[] = [
  {
    channel: "payment-link",
    fill: async (page, label) => {
      await page.getByLabel(m.channels["payment-link"].fields.title, { exact: true }).fill(label);
      await page.getByLabel(f.amount, { exact: true }).fill("45.000");
    },
    handoff: async (page) => {
      const t = m.channels["payment-link"].handoff;
      const link = page.getByLabel(t.linkLabel, { exact: true });
      await expect(link).toContainText(`${emulatorUrl}/share/payment-links/`);
      expect(await decodeQr(page, t.qrLabel)).toBe((await link.innerText()).trim());
    },
  },
];

for (const c of cases) {
  test(`${c.channel}: created, handed to the buyer, paid, shown PAID without a reload`, async ({
    page,
  }) => {
    const label = `${c.channel} ${randomBytes(3).toString("hex")}`;
    await signIn(page, await createAccount("operator"));
    await openChannelForm(page, m.channels[c.channel].name);
    await c.fill(page, label);
    await page.getByRole("button", { name: m.payment.submit }).click();
    await expect(page.getByText(m.transaction.created)).toBeVisible();
    await c.handoff(page);

    await payInSimulator(page, await referenceOnPage(page));
    await expect(page.getByRole("heading", { name: m.handoff.paidTitle })).toBeVisible({
      timeout: 15_000,
    });
  });
}
