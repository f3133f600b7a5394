import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createAccount, setDisabled, setRole } from "./support/accounts";
import { emulatorUrl } from "./support/env";
import { NewPaymentLinkPage, signIn } from "./support/pages";

test("an operator creates a payment link, the buyer pays, and the row turns PAID without a reload", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const operator = await createAccount("operator");
  const title = `Batik order ${randomBytes(3).toString("hex")}`;

  await signIn(page, operator);
  const form = new NewPaymentLinkPage(page);
  await form.open();
  await form.submit({ title, amount: "25.000", description: "Two batik shirts" });

  await expect(page.getByText("Payment link created.")).toBeVisible();
  const link = page
    .getByRole("status", { name: "Payment link" })
    .or(page.getByLabel("Payment link"));
  await expect(link).toContainText(`${emulatorUrl}/share/payment-links/`);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    "/share/payment-links/",
  );

  await page.getByRole("link", { name: "Transactions" }).click();
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row).toContainText("Rp 25.000");
  await expect(row).toContainText("Awaiting payment");

  // The buyer pays on the emulator's simulator page, in another tab.
  const simulator = await context.newPage();
  await simulator.goto(emulatorUrl);
  await simulator
    .getByRole("row", { name: new RegExp(title) })
    .getByRole("button", { name: "Pay" })
    .click();
  await expect(simulator.getByRole("row", { name: new RegExp(title) })).toContainText("PAID");

  // Back on the dashboard, untouched: the callback lands and polling shows it.
  await expect(row).toContainText("Paid", { timeout: 15_000 });
  await expect(row).not.toContainText("Awaiting payment");
});

test("an invalid amount is refused beside its field, and nothing is created", async ({ page }) => {
  const operator = await createAccount("operator");
  await signIn(page, operator);
  const form = new NewPaymentLinkPage(page);
  await form.open();
  await form.submit({ title: "Too small", amount: "500" });
  const amount = page.getByLabel("Amount");
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("The amount must be at least Rp 1.000.")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Too small");
});

/** An operator submits a payment link while the emulator answers the create with `status`. */
async function submitWhileGatewayAnswers(page: Page, request: APIRequestContext, status: number) {
  await signIn(page, await createAccount("operator"));
  const form = new NewPaymentLinkPage(page);
  await form.open();
  await request.post(`${emulatorUrl}/control/fail-next`, { data: { count: 1, status } });
  const title = `Gateway ${status} ${randomBytes(3).toString("hex")}`;
  await form.submit({ title, amount: "10000" });
  return title;
}

test("a gateway refusal is shown on the form and recorded on the transaction", async ({
  page,
  request,
}) => {
  const title = await submitWhileGatewayAnswers(page, request, 402);
  await expect(
    page.getByRole("alert").filter({ hasText: "Purwantara did not create the payment link" }),
  ).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(title);

  await page.getByRole("link", { name: "Transactions" }).click();
  await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText("Not created");
});

test("a gateway outage leaves an unconfirmed row that says the link may exist", async ({
  page,
  request,
}) => {
  const title = await submitWhileGatewayAnswers(page, request, 503);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(
    page.getByRole("alert").filter({ hasText: "Purwantara did not confirm this payment link" }),
  ).toBeVisible();
  await expect(page.getByText("Unconfirmed", { exact: true })).toBeVisible();
});

test("finance staff see transactions but cannot create payments", async ({ page }) => {
  const finance = await createAccount("finance");
  await signIn(page, finance);
  await expect(page.getByRole("link", { name: "New payment link" })).toHaveCount(0);
  await page.goto("/payment-links/new");
  await expect(page).toHaveURL(/\/transactions\?denied=1/);
  await expect(
    page.getByRole("alert").filter({ hasText: "Your role cannot open that page." }),
  ).toBeVisible();

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
  const title = `Demoted ${randomBytes(3).toString("hex")}`;
  await form.submit({ title, amount: "10000" });
  await expect(
    page.getByRole("alert").filter({ hasText: "Your role (Finance) is not allowed to do this." }),
  ).toBeVisible();
  await page.goto("/transactions");
  await expect(page.getByRole("row", { name: new RegExp(title) })).toHaveCount(0);
});

test("repeated wrong passwords lock the account's sign-in for a while", async ({ page }) => {
  const operator = await createAccount("operator");
  await page.goto("/login");
  for (let attempt = 0; attempt < 10; attempt++) {
    // React resets the form once the previous answer is rendered: wait for that first.
    await expect(page.getByLabel("Password")).toHaveValue("");
    await page.getByLabel("Email").fill(operator.email);
    await page.getByLabel("Password").fill(`wrong-${attempt}`);
    // Wait for each attempt's answer, so all ten reach the server.
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/login")),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
    await expect(
      page.getByRole("alert").filter({ hasText: "Wrong email or password" }),
    ).toBeVisible();
  }
  // Now even the right password is refused, without being checked.
  await expect(page.getByLabel("Password")).toHaveValue("");
  await page.getByLabel("Email").fill(operator.email);
  await page.getByLabel("Password").fill(operator.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Too many failed sign-ins" }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
