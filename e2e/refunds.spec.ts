import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createAccount, type TestAccount } from "./support/accounts";
import { fill, messages, type TestLocale } from "./support/i18n";
import { signIn } from "./support/pages";
import { checkScreen } from "./support/screen-checks";
import { sql } from "./support/sql";

/** The smallest PNG there is: a photo of a transfer slip, as far as the server can tell. */
const slipPhoto = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a00000000049454e44ae426082",
  "hex",
);

/** A virtual account of Rp 150.000, paid an hour ago (local mode). */
async function paidPayment(title: string): Promise<string> {
  const [row] = await sql(
    `insert into transactions (mode, channel, bank, payment_channel, external_id, purwantara_uuid, title,
       amount, total, raw_status, state, created_at, paid_at)
     values ('local', 'virtual-account', 'BCA', 'BCA', $1, gen_random_uuid()::text, $2, 150000, 150000,
       'PAID', 'paid', now() - interval '2 hours', now() - interval '1 hour')
     returning id`,
    [`e2e-refund-${randomBytes(5).toString("hex")}`, title],
  );
  return (row as { id: string }).id;
}

async function person(role: "finance" | "admin", name: string, locale: TestLocale) {
  const account = await createAccount(role, locale);
  await sql("update users set name = $2 where email = $1", [account.email, name]);
  return { ...account, name } satisfies TestAccount;
}

/** The figure shown beside a term of the refunds section, e.g. its net. */
const figure = (page: Page, term: string) =>
  page.getByRole("region", { name: messagesOf(page).title }).locator(`dt:text-is("${term}") + dd`);

const locales = new WeakMap<Page, TestLocale>();
const messagesOf = (page: Page) => messages[locales.get(page) ?? "id"].refunds;

test(
  "a partial refund: one person requests it, a second approves, the net changes",
  {
    tag: "@phone",
  },
  async ({ page, browser }) => {
    const title = `Pengembalian ${randomBytes(3).toString("hex")}`;
    const id = await paidPayment(title);
    const clerk = await person("finance", "Fitri Rahma", "id");
    const checker = await person("admin", "Adam Wijaya", "en");
    const t = messages.id.refunds;

    locales.set(page, "id");
    await signIn(page, clerk);
    await page.goto(`/transactions/${id}`);
    await expect(page.getByRole("heading", { name: t.title, exact: true })).toBeVisible();
    await expect(page.getByText(t.honest)).toBeVisible();
    await expect(figure(page, t.figures.net)).toHaveText(/150\.000/);
    await checkScreen(page, "id");

    // More than was paid is refused beside the amount.
    await page.getByLabel(t.amount).fill("150.001");
    await page.getByLabel(t.reasonLabel).selectOption("goods_returned");
    await page.getByLabel(t.methodLabel).selectOption("bank_transfer");
    await page.getByLabel(t.bank).fill("BCA");
    await page.getByLabel(t.accountLabel).fill("1234567890");
    await page.getByRole("button", { name: t.submit }).click();
    const tooMuch = t.errors.tooMuch.split(":")[0]!;
    await expect(page.getByText(tooMuch).first()).toBeVisible();
    await expect(page.getByLabel(t.amount)).toHaveAttribute("aria-invalid", "true");

    // A photo of the slip goes with the request; a page dressed as one is refused.
    await page.getByLabel(t.amount).fill("50.000");
    await page.getByLabel(t.proof).setInputFiles({
      name: "slip.png",
      mimeType: "image/png",
      buffer: Buffer.from("<html><body>not a slip</body></html>"),
    });
    await page.getByRole("button", { name: t.submit }).click();
    await expect(page.getByText(t.errors.proofType).first()).toBeVisible();
    await page.getByLabel(t.proof).setInputFiles({
      name: "slip.png",
      mimeType: "image/png",
      buffer: slipPhoto,
    });
    await page.getByRole("button", { name: t.submit }).click();
    await expect(page.getByText(t.requested)).toBeVisible();
    await expect(figure(page, t.figures.waiting)).toHaveText(/50\.000/);
    await expect(figure(page, t.figures.net)).toHaveText(/150\.000/);
    await expect(page.getByText(t.ownRequest)).toBeVisible();
    await expect(page.getByRole("button", { name: t.approve })).toHaveCount(0);
    await checkScreen(page, "id");

    // A context of its own: axe needs one, and the second person has their own session.
    const context = await browser.newContext();
    const other = await context.newPage();
    locales.set(other, "en");
    const en = messages.en.refunds;
    await signIn(other, checker);
    await other.goto(`/transactions/${id}`);
    await expect(
      other.getByText(fill(en.requestedBy, { name: "Fitri Rahma", time: "" }).trim()),
    ).toBeVisible();
    await checkScreen(other, "en");
    await other.getByRole("button", { name: en.approve }).click();
    // The decided refund leaves the form for its decision line.
    await expect(other.getByRole("button", { name: en.approve })).toHaveCount(0);
    await expect(figure(other, en.figures.refunded)).toHaveText(/50[.,]000/);
    await expect(figure(other, en.figures.net)).toHaveText(/100[.,]000/);
    // The checker opens the slip: the bytes that were uploaded, as the image they are.
    const proof = await other.request.get(
      (await other.getByRole("link", { name: en.proofLink }).getAttribute("href"))!,
    );
    expect(proof.headers()["content-type"]).toBe("image/png");
    expect(Buffer.from(await proof.body()).equals(slipPhoto)).toBe(true);
    await expect(
      other.getByText(new RegExp(fill(en.approvedBy, { name: "Adam Wijaya", time: "" }))),
    ).toBeVisible();
    await context.close();

    // The requester sees it counted.
    await page.reload();
    await expect(figure(page, t.figures.net)).toHaveText(/100\.000/);
    await expect(figure(page, t.figures.waiting)).toHaveText(/^Rp\s*0$/);
  },
);
