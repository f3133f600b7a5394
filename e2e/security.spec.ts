import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { createAccount, type TestAccount } from "./support/accounts";
import { fill, messages, type TestLocale } from "./support/i18n";
import { signIn } from "./support/pages";
import { checkScreen, expectNoSidewaysScroll } from "./support/screen-checks";

const { id } = messages;

/**
 * Collects Content-Security-Policy violations the page reports (event and console), from
 * before the first script runs; `violations()` reads them back.
 */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const consoleHits: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) {
      consoleHits.push(message.text());
    }
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return async () => {
    const fromPage = await page
      .evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])
      .catch(() => []);
    return [...consoleHits, ...fromPage];
  };
}

/** A TOTP code for the next 30-second step: never the step a previous code used. */
async function nextCode(secret: string): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
}

/** "Sisa 9 kode pemulihan." from the status line's message. */
const codesLeft = (count: number) => fill(id.twoFactor.statusOn.split(". ")[1]!, { count });

async function passwordStep(page: Page, account: TestAccount) {
  await page.goto("/login");
  await page.getByLabel(id.login.email).fill(account.email);
  await page.getByLabel(id.login.password).fill(account.password);
  await page.getByRole("button", { name: id.login.submit, exact: true }).click();
  await expect(page.getByRole("heading", { name: id.twoFactor.stepTitle })).toBeVisible();
}

async function codeStep(page: Page, code: string) {
  await page.getByLabel(id.twoFactor.code, { exact: true }).fill(code);
  await page.getByRole("button", { name: id.twoFactor.verify }).click();
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: id.shell.signOut }).click();
  await expect(page.getByRole("heading", { name: id.login.title })).toBeVisible();
}

test("two-factor sign-in: turn it on, sign in with a code, then with a recovery code (once)", async ({
  page,
}) => {
  const violations = await watchCsp(page);
  const account = await createAccount("operator");
  await signIn(page, account);

  await page.goto("/profile");
  await expect(page.getByTestId("two-factor-status")).toHaveText(id.twoFactor.statusOff);
  await page.getByRole("link", { name: id.twoFactor.setUp }).click();
  await page.getByRole("button", { name: id.twoFactor.start }).click();
  await expect(page.getByRole("img", { name: id.twoFactor.qrLabel })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

  // A wrong code first: refused, said next to the field.
  await page.getByLabel(id.twoFactor.code, { exact: true }).fill("000000");
  await page.getByRole("button", { name: id.twoFactor.confirm }).click();
  await expect(page.getByText(id.twoFactor.wrongCode).first()).toBeVisible();

  await page.getByLabel(id.twoFactor.code, { exact: true }).fill(await generate({ secret }));
  await page.getByRole("button", { name: id.twoFactor.confirm }).click();
  await expect(page.getByRole("heading", { name: id.twoFactor.recoveryTitle })).toBeVisible();
  const codes = (await page.getByTestId("recovery-codes").locator("li").allInnerTexts()).map((c) =>
    c.trim(),
  );
  expect(codes).toHaveLength(10);
  await page.getByRole("link", { name: id.twoFactor.done }).click();
  await expect(page.getByTestId("two-factor-status")).toContainText(codesLeft(10));

  // Sign out; the password alone now leads to the code step, and nothing else opens.
  await signOut(page);
  await passwordStep(page, account);
  expect((await page.request.get("/api/transactions")).status()).toBe(401);
  await codeStep(page, "123456");
  await expect(page.getByText(id.twoFactor.wrongCode).first()).toBeVisible();
  await codeStep(page, await nextCode(secret));
  await expect(page.getByRole("heading", { name: id.overview.title })).toBeVisible();

  // With a recovery code instead.
  await signOut(page);
  await passwordStep(page, account);
  await codeStep(page, codes[0]!);
  await expect(page.getByRole("heading", { name: id.overview.title })).toBeVisible();
  await page.goto("/profile");
  await expect(page.getByTestId("two-factor-status")).toContainText(codesLeft(9));

  // The same recovery code does not work twice.
  await signOut(page);
  await passwordStep(page, account);
  await codeStep(page, codes[0]!);
  await expect(page.getByText(id.twoFactor.wrongCode).first()).toBeVisible();
  await page.getByRole("button", { name: id.twoFactor.cancel }).click();
  await expect(page.getByRole("heading", { name: id.login.title })).toBeVisible();

  expect(await violations()).toEqual([]);
});

test("a next address that leads off the site is refused: sign-in lands on this site", async ({
  page,
  baseURL,
}) => {
  const appOrigin = new URL(baseURL!).origin;
  // Were a redirect followed, the browser would leave for evil.example: answer it here,
  // so the test fails at once with that URL instead of waiting for a DNS error.
  await page.route(
    (url) => url.hostname === "evil.example",
    (route) => route.fulfill({ status: 200, body: "evil" }),
  );
  const account = await createAccount("operator");
  await page.goto("/login?next=%2F.%2F%2Fevil.example%2Fx");
  await page.getByLabel(id.login.email).fill(account.email);
  await page.getByLabel(id.login.password).fill(account.password);
  await page.getByRole("button", { name: id.login.submit, exact: true }).click();
  await expect(page.getByRole("heading", { name: id.overview.title, exact: true })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(appOrigin);
  // Signed in, the sign-in page sends a person straight on to `next`: the other tricks.
  const tricks = [
    "/..//evil.example",
    "/\\evil.example",
    "/%5Cevil.example",
    "/%2F%2Fevil.example",
    "/\t/evil.example",
  ];
  for (const next of tricks) {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await expect(page).toHaveURL(`${appOrigin}/overview`);
  }
});

test("after sign-out the old session cookie no longer reads payment data", async ({
  page,
  context,
}) => {
  await signIn(page, await createAccount("finance"));
  const before = await page.request.get("/api/transactions");
  expect(before.status()).toBe(200);
  expect(before.headers()["cache-control"]).toContain("no-store");
  const cookies = await context.cookies();
  await signOut(page);
  // Put the old cookie back, as a thief who copied it would.
  await context.addCookies(cookies);
  expect((await page.request.get("/api/transactions")).status()).toBe(401);
  await page.goto("/transactions");
  await expect(page.getByRole("heading", { name: id.login.title })).toBeVisible();
});

test("a password change ends the other sessions and keeps this one", async ({ page, browser }) => {
  const account = await createAccount("operator");
  await signIn(page, account);
  const other = await browser.newPage();
  await signIn(other, account);

  await page.goto("/profile");
  const t = id.security;
  await page.getByLabel(t.currentPassword).fill("not-my-password");
  await page.getByLabel(t.newPassword, { exact: true }).fill("password12345");
  await page.getByLabel(t.confirmPassword).fill("password12345");
  await page.getByRole("button", { name: t.changePassword }).click();
  await expect(page.getByText(id.validation.passwordTooCommon)).toBeVisible();

  const next = "Gunung-Rinjani-3726";
  await page.getByLabel(t.currentPassword).fill(account.password);
  await page.getByLabel(t.newPassword, { exact: true }).fill(next);
  await page.getByLabel(t.confirmPassword).fill(next);
  await page.getByRole("button", { name: t.changePassword }).click();
  await expect(page.getByText(t.passwordChanged)).toBeVisible();

  expect((await other.request.get("/api/transactions")).status()).toBe(401);
  expect((await page.request.get("/api/transactions")).status()).toBe(200);
  await other.close();
  await signOut(page);
  await signIn(page, { ...account, password: next });
});

test("ending another session from the profile signs that device out", async ({ page, browser }) => {
  const account = await createAccount("finance");
  await signIn(page, account);
  // This one claims another address: with no trusted proxy, the socket's address counts.
  const other = await browser.newPage({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.9" } });
  await signIn(other, account);
  await page.goto("/profile");
  const t = id.security;
  await expect(page.getByText(t.thisDevice, { exact: true })).toBeVisible();
  await expect(
    page.getByText(fill(t.localAddress, { address: "127.0.0.1" })).first(),
  ).toBeVisible();
  await expect(page.getByText("203.0.113.9")).toHaveCount(0);
  await page
    .getByRole("button", { name: new RegExp(`^${t.endSession}`) })
    .first()
    .click();
  await expect(page.getByText(t.sessionEnded)).toBeVisible();
  expect((await other.request.get("/api/transactions")).status()).toBe(401);
  await other.close();
});

test("pages carry a CSP with a fresh nonce and the security headers; nothing is blocked", async ({
  page,
}) => {
  const violations = await watchCsp(page);
  const first = await page.goto("/login");
  const csp = first!.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(first!.headers()["permissions-policy"]).toContain("camera=()");
  expect(first!.headers()["x-content-type-options"]).toBe("nosniff");
  // Served over plain HTTP here: no HSTS (it is sent over HTTPS only).
  expect(first!.headers()["strict-transport-security"]).toBeUndefined();
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  // Another request, another nonce; every script tag the server sends carries its own.
  // (Chunks loaded later by those scripts are allowed through 'strict-dynamic'.)
  const again = await page.request.get("/login");
  const againNonce = /'nonce-([^']+)'/.exec(again.headers()["content-security-policy"] ?? "")![1]!;
  expect(againNonce).not.toBe(nonce);
  const tags = (await again.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  expect(tags.filter((tag) => !tag.includes(`nonce="${againNonce}"`))).toEqual([]);

  await signIn(page, await createAccount("admin"));
  for (const path of ["/transactions", "/payments/new/qris", "/profile", "/profile/two-factor"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  await page.getByRole("button", { name: id.twoFactor.start }).click();
  await expect(page.getByRole("img", { name: id.twoFactor.qrLabel })).toBeVisible();
  expect(await violations()).toEqual([]);
});

for (const locale of ["en", "id"] as TestLocale[]) {
  const t = messages[locale];
  test(
    `profile and two-factor screens (${locale})`,
    { tag: "@phone" },
    async ({ page, context, baseURL }) => {
      const account = await createAccount("admin", locale);
      await signIn(page, account);
      // This browser's language too, so the sign-in pages after signing out speak it.
      await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL! }]);
      await page.goto("/profile");
      await expect(page.getByRole("heading", { name: t.security.sessionsTitle })).toBeVisible();
      await checkScreen(page, locale);
      await page.getByRole("button", { name: t.security.changePassword }).click();
      await expect(page.getByText(t.validation.passwordRequired)).toBeVisible();
      await checkScreen(page, locale);

      await page.goto("/profile/two-factor");
      await page.getByRole("button", { name: t.twoFactor.start }).click();
      await expect(page.getByRole("img", { name: t.twoFactor.qrLabel })).toBeVisible();
      await checkScreen(page, locale);
      const secret = (await page.getByTestId("totp-secret").innerText()).trim();
      await page.getByLabel(t.twoFactor.code, { exact: true }).fill(await generate({ secret }));
      await page.getByRole("button", { name: t.twoFactor.confirm }).click();
      await expect(page.getByRole("heading", { name: t.twoFactor.recoveryTitle })).toBeVisible();
      await checkScreen(page, locale);

      // The sign-in code step.
      const menu = page.getByRole("button", { name: t.shell.openMenu });
      if (await menu.isVisible()) await menu.click();
      await page.getByRole("button", { name: t.shell.signOut }).click();
      await page.getByLabel(t.login.email).fill(account.email);
      await page.getByLabel(t.login.password).fill(account.password);
      await page.getByRole("button", { name: t.login.submit, exact: true }).click();
      await expect(page.getByRole("heading", { name: t.twoFactor.stepTitle })).toBeVisible();
      await expect(
        page.getByText(fill(t.twoFactor.stepSubtitle, { email: account.email })),
      ).toBeVisible();
      await checkScreen(page, locale);
      await expectNoSidewaysScroll(page);
    },
  );
}
