import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createAccount } from "./support/accounts";
import { decodeQr, openChannelForm, payInSimulator, referenceOnPage } from "./support/channels";
import { emulatorUrl } from "./support/env";
import { fill, m } from "./support/i18n";
import { signIn } from "./support/pages";
import { checkScreen } from "./support/screen-checks";

const f = m.payment.fields;

type ChannelCase = {
  channel: keyof typeof m.channels;
  fill: (page: Page, label: string) => Promise<void>;
  /** What the buyer is handed, checked on the detail page right after creating. */
  handoff: (page: Page) => Promise<void>;
  /**
   * Also on the phone project: one channel per kind of hand-off (bank steps, QR, counter
   * code). Link hand-offs are the payment link's phone flow (payment-link.spec.ts);
   * OVO's is a sentence. Every channel's form is in the phone screen sweep.
   */
  phone?: boolean;
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
  {
    channel: "virtual-account",
    phone: true,
    fill: async (page, label) => {
      const t = m.channels["virtual-account"].fields;
      await page.getByLabel(t.bank, { exact: true }).selectOption("BCA");
      await page.getByLabel(t.name, { exact: true }).fill("Budi Santoso");
      await page.getByLabel(f.amount, { exact: true }).fill("Rp 150.000");
      await page.getByLabel(f.description, { exact: true }).fill(label);
    },
    handoff: async (page) => {
      const va = page.getByLabel(
        fill(m.channels["virtual-account"].handoff.vaLabel, { bank: "BCA" }),
      );
      await expect(va).toHaveText(/^70012\d{11}$/);
      await expect(page.getByText("Rp 150.000").first()).toBeVisible();
    },
  },
  {
    channel: "counter",
    phone: true,
    fill: async (page, label) => {
      await page.getByLabel(m.channels.counter.fields.name, { exact: true }).fill("Sari Dewi");
      await page.getByLabel(f.amount, { exact: true }).fill("75000");
      await page.getByLabel(f.description, { exact: true }).fill(label);
    },
    handoff: async (page) => {
      const code = page.getByLabel(m.channels.counter.handoff.codeLabel, { exact: true });
      await expect(code).toHaveText(/^PWT\d{10}$/);
      await expect(page.getByText(m.channels.counter.handoff.tellCashier)).toBeVisible();
    },
  },
  {
    channel: "qris",
    phone: true,
    fill: async (page, label) => {
      await page.getByLabel(f.amount, { exact: true }).fill("25.000");
      await page.getByLabel(f.description, { exact: true }).fill(label);
      await page.getByLabel(f.customerName, { exact: true }).fill("Rina Wijaya");
      await page.getByLabel(f.customerEmail, { exact: true }).fill("rina@example.com");
      await page.getByLabel(f.customerPhone, { exact: true }).fill("+62 812 3456 7890");
    },
    handoff: async (page) => {
      const text = await decodeQr(page, m.channels.qris.handoff.qrLabel);
      // An EMVCo merchant-presented payload: format 01, dynamic, rupiah, ending in its CRC.
      expect(text).toMatch(/^000201010212.*5303360.*6304[0-9A-F]{4}$/);
      expect(text).toContain("25000");
    },
  },
  {
    channel: "ewallet-ovo",
    fill: async (page, label) => {
      await page.getByLabel(f.amount, { exact: true }).fill("15000");
      await page.getByLabel(f.customerPhone, { exact: true }).fill("62 812-3456-7890");
      await page.getByLabel(f.description, { exact: true }).fill(label);
    },
    handoff: async (page) => {
      await expect(page.getByText(m.channels["ewallet-ovo"].handoff.title)).toBeVisible();
      await expect(page.getByText("081234567890").first()).toBeVisible();
    },
  },
  {
    channel: "ewallet-shopeepay",
    fill: async (page, label) => {
      await page.getByLabel(f.amount, { exact: true }).fill("20000");
      await page.getByLabel(f.customerName, { exact: true }).fill("Andi Pratama");
      await page.getByLabel(f.customerEmail, { exact: true }).fill("andi@example.com");
      await page.getByLabel(f.customerPhone, { exact: true }).fill("081298765432");
      await page.getByLabel(f.description, { exact: true }).fill(label);
    },
    handoff: async (page) => {
      const t = m.channels["ewallet-shopeepay"].handoff;
      const link = page.getByLabel(t.linkLabel, { exact: true });
      await expect(link).toContainText(`${emulatorUrl}/share/shopeepay/`);
      expect(await decodeQr(page, t.qrLabel)).toBe((await link.innerText()).trim());
    },
  },
  {
    channel: "ewallet-dana",
    fill: async (page, label) => {
      await page.getByLabel(f.amount, { exact: true }).fill("Rp 42.000");
      await page.getByLabel(f.customerName, { exact: true }).fill("Sari Dewi");
      await page.getByLabel(f.customerEmail, { exact: true }).fill("sari@example.com");
      await page.getByLabel(f.customerPhone, { exact: true }).fill("0812 9876 5432");
      await page.getByLabel(f.description, { exact: true }).fill(label);
    },
    handoff: async (page) => {
      const t = m.channels["ewallet-dana"].handoff;
      const link = page.getByLabel(t.linkLabel, { exact: true });
      await expect(link).toContainText(`${emulatorUrl}/share/dana/`);
      expect(await decodeQr(page, t.qrLabel)).toBe((await link.innerText()).trim());
      await expect(page.getByText("Rp 42.000").first()).toBeVisible();
    },
  },
];

for (const c of cases) {
  test(
    `${c.channel}: created, handed to the buyer, paid, shown PAID without a reload`,
    { tag: c.phone ? "@phone" : [] },
    async ({ page }) => {
      // Neither the channel's key (a raw code on screen) nor its name (words of one
      // language, which the other language's screens would report).
      const label = `Order ${cases.indexOf(c) + 1} ${randomBytes(3).toString("hex")}`;
      await signIn(page, await createAccount("operator"));
      await openChannelForm(page, m.channels[c.channel].name);
      await c.fill(page, label);
      await page.getByRole("button", { name: m.payment.submit }).click();
      await expect(page.getByText(m.transaction.created)).toBeVisible();
      await c.handoff(page);
      await checkScreen(page, "id");

      await payInSimulator(page, await referenceOnPage(page));
      await expect(page.getByRole("heading", { name: m.handoff.paidTitle })).toBeVisible({
        timeout: 15_000,
      });
      await checkScreen(page, "id");
    },
  );
}

test("a virtual account is cancelled, asked twice, and can be created again", async ({ page }) => {
  const t = m.handoff;
  await signIn(page, await createAccount("operator"));
  await openChannelForm(page, m.channels["virtual-account"].name);
  await cases[1]!.fill(page, `Batal ${randomBytes(3).toString("hex")}`);
  await page.getByRole("button", { name: m.payment.submit }).click();
  await expect(page.getByText(m.transaction.created)).toBeVisible();
  await page.getByRole("button", { name: t.cancel }).click();
  await expect(page.getByText(t.cancelQuestion)).toBeVisible();
  await page.getByRole("button", { name: t.cancelConfirm }).click();
  await expect(page.getByRole("heading", { name: t.closed_cancelled })).toBeVisible();
  await expect(page.getByText(m.status.cancelled, { exact: true }).first()).toBeVisible();
  await page.getByRole("link", { name: t.createAgain }).click();
  await expect(
    page.getByLabel(m.channels["virtual-account"].fields.name, { exact: true }),
  ).toHaveValue("Budi Santoso");
});
