import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createAccount, setDisabled, setRole } from "./support/accounts";
import { emulatorControlHeaders, emulatorUrl } from "./support/env";
import { fill, m } from "./support/i18n";
import { navigate, NewPaymentLinkPage, signIn, transactionEntry } from "./support/pages";

test(
  "an operator creates a payment link, the buyer pays, and the row turns PAID without a reload",
  { tag: "@phone" },
  async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const operator = await createAccount("operator");
    const title = `Kopi Susu ${randomBytes(3).toString("hex")}`;

    await signIn(page, operator);
    const form = new NewPaymentLinkPage(page);
    await form.open();
    await form.submit({ title, amount: "25.000", description: "Dua kemeja batik" });

    await expect(page.getByText(m.transaction.created)).toBeVisible();
    const link = page.getByLabel(m.channels["payment-link"].handoff.linkLabel, { exact: true });
    await expect(link).toContainText(`${emulatorUrl}/share/payment-links/`);
    // On a phone, what to hand the buyer is on the first screen, above the details.
    await expect(link).toBeInViewport();
    await page.getByRole("button", { name: m.channels["payment-link"].handoff.copy }).click();
    await expect(page.getByRole("button", { name: m.common.copied })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
      "/share/payment-links/",
    );

    await navigate(page, m.nav.transactions);
    const entry = transactionEntry(page, title);
    await expect(entry).toContainText("Rp 25.000");
    await expect(entry).toContainText(m.status.active);

    // The person looks at another window (headless Chromium keeps every tab focused: say so).
    await page.evaluate(() => {
      document.hasFocus = () => false;
    });
    // The buyer pays on the emulator's simulator page, in another tab.
    const simulator = await context.newPage();
    await simulator.goto(emulatorUrl);
    await simulator
      .getByRole("row", { name: new RegExp(title) })
      .getByRole("button", { name: "Pay" })
      .click();
    await expect(simulator.getByRole("row", { name: new RegExp(title) })).toContainText("PAID");

    // Back on the dashboard, untouched: the callback lands, polling shows it, marked and toasted.
    await expect(entry).toContainText(m.status.paid, { timeout: 15_000 });
    await expect(entry).not.toContainText(m.status.active);
    await expect(entry).toContainText(m.live.changedBadge);
    await expect(
      page
        .getByRole("status")
        .filter({ hasText: fill(m.live.paidToast, { amount: "Rp 25.000", title }) }),
    ).toBeVisible();
    // The payment arrived while the person looked elsewhere: the title counts it until they return.
    await expect(page).toHaveTitle(/^\(1\) /);
    await page.bringToFront();
    await page.evaluate(() => {
      document.hasFocus = () => true;
      window.dispatchEvent(new Event("focus"));
    });
    await expect(page).not.toHaveTitle(/^\(\d+\) /);
  },
);

test(
  "an invalid amount is refused beside its field, focused, and nothing is created",
  { tag: "@phone" },
  async ({ page }) => {
    const operator = await createAccount("operator");
    await signIn(page, operator);
    const form = new NewPaymentLinkPage(page);
    await form.open();
    await form.submit({ title: "Terlalu kecil", amount: "500" });
    const amount = page.getByLabel(m.payment.fields.amount, { exact: true });
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toBeFocused();
    await expect(
      page.getByText(fill(m.validation.amountTooSmall, { min: "Rp 1.000" })),
    ).toBeVisible();
    await expect(
      page.getByLabel(m.channels["payment-link"].fields.title, { exact: true }),
    ).toHaveValue("Terlalu kecil");
    // Too large says so, not "too small".
    await form.submit({ title: "Terlalu besar", amount: "5.000.000.000.000" });
    await expect(
      page.getByText(fill(m.validation.amountTooLarge, { max: "Rp 1.000.000.000.000" })),
    ).toBeVisible();
    // Each error is shown once: beside its field, not again in a toast.
    await expect(page.getByText(m.actions.correctFields)).toHaveCount(1);
  },
);

/** An operator submits a payment link while the emulator answers the create with `status`. */
async function submitWhileGatewayAnswers(page: Page, request: APIRequestContext, status: number) {
  await signIn(page, await createAccount("operator"));
  const form = new NewPaymentLinkPage(page);
  await form.open();
  await request.post(`${emulatorUrl}/control/fail-next`, {
    data: { count: 1, status },
    headers: emulatorControlHeaders,
  });
  const title = `Gateway ${status} ${randomBytes(3).toString("hex")}`;
  await form.submit({ title, amount: "10000" });
  return title;
}

test("a gateway refusal is shown once on the form and recorded on the transaction", async ({
  page,
  request,
}) => {
  const title = await submitWhileGatewayAnswers(page, request, 402);
  const refusal = page.getByText(/^Purwantara tidak membuat pembayaran/);
  await expect(refusal).toBeVisible();
  await expect(refusal).toHaveCount(1);
  await expect(
    page.getByLabel(m.channels["payment-link"].fields.title, { exact: true }),
  ).toHaveValue(title);

  await navigate(page, m.nav.transactions);
  // Attempts that never became payments are hidden from the list unless asked for.
  await expect(transactionEntry(page, title)).toHaveCount(0);
  await page.goto("/transactions?include=not_created");
  await expect(transactionEntry(page, title)).toContainText(m.status.failed_to_create);
});

test("a refused API token says what to fix, not just that it failed", async ({ page, request }) => {
  const title = await submitWhileGatewayAnswers(page, request, 401);
  await expect(page.getByText(/^Purwantara menolak token API dasbor ini/)).toBeVisible();
  await navigate(page, m.nav.transactions);
  // Attempts that never became payments are hidden from the list unless asked for.
  await expect(transactionEntry(page, title)).toHaveCount(0);
  await page.goto("/transactions?include=not_created");
  await expect(transactionEntry(page, title)).toContainText(m.status.failed_to_create);
});

test("a gateway outage leaves an unconfirmed row that says the payment may exist", async ({
  page,
  request,
}) => {
  const title = await submitWhileGatewayAnswers(page, request, 503);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(
    page.getByRole("alert").filter({ hasText: m.handoff.unconfirmedTitle }),
  ).toBeVisible();
  await expect(page.getByText(m.status.unconfirmed, { exact: true })).toBeVisible();
});

test("finance staff see transactions but cannot create payments", async ({ page }) => {
  const finance = await createAccount("finance");
  await signIn(page, finance);
  await expect(page.getByRole("link", { name: m.nav.newPayment })).toHaveCount(0);
  await page.goto("/payments/new/payment-link");
  await expect(page).toHaveURL(/\/overview\?denied=1/);
  await expect(page.getByRole("alert").filter({ hasText: m.overview.denied })).toBeVisible();

  // The polling route answers 304 while the page it would send has not changed.
  const first = await page.request.get("/api/transactions");
  expect(first.status()).toBe(200);
  const etag = first.headers()["etag"] ?? "";
  expect(etag).toMatch(/^".+"$/);
  const again = await page.request.get("/api/transactions", { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
});

test("a disabled account loses access at once", async ({ page }) => {
  const operator = await createAccount("operator");
  await signIn(page, operator);
  await setDisabled(operator.email);
  await page.goto("/transactions");
  await expect(page).toHaveURL(/\/login/);
});

test("visitors without a session are sent to sign in", async ({ page }) => {
  await page.goto("/transactions");
  await expect(page).toHaveURL(/\/login/);
  const api = await page.request.get("/api/transactions");
  expect(api.status()).toBe(401);
});

test("a role taken away mid-session stops the very next action", async ({ page }) => {
  const operator = await createAccount("operator");
  await signIn(page, operator);
  const form = new NewPaymentLinkPage(page);
  await form.open();
  await setRole(operator.email, "finance");
  const title = `Diturunkan ${randomBytes(3).toString("hex")}`;
  await form.submit({ title, amount: "10000" });
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: fill(m.actions.roleNotAllowed, { role: m.role.finance }) }),
  ).toBeVisible();
  await page.goto("/transactions");
  await expect(transactionEntry(page, title)).toHaveCount(0);
});

test("repeated wrong passwords lock the account's sign-in for a while", async ({ page }) => {
  const operator = await createAccount("operator");
  const l = m.login;
  await page.goto("/login");
  for (let attempt = 0; attempt < 10; attempt++) {
    // React resets the form once the previous answer is rendered: wait for that first.
    await expect(page.getByLabel(l.password)).toHaveValue("");
    await page.getByLabel(l.email).fill(operator.email);
    await page.getByLabel(l.password).fill(`wrong-${attempt}`);
    // Wait for each attempt's answer, so all ten reach the server.
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/login")),
      page.getByRole("button", { name: l.submit, exact: true }).click(),
    ]);
    await expect(page.getByRole("alert").filter({ hasText: l.wrong })).toBeVisible();
  }
  // Now even the right password is refused, without being checked.
  await expect(page.getByLabel(l.password)).toHaveValue("");
  await page.getByLabel(l.email).fill(operator.email);
  await page.getByLabel(l.password).fill(operator.password);
  await page.getByRole("button", { name: l.submit, exact: true }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: fill(l.limited, { minutes: 15 }) }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
