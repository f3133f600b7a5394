import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { audiences, roleMatrix, type Access, type Audience } from "../testing/role-matrix";
import { createAccount } from "./support/accounts";
import { signIn } from "./support/pages";

/**
 * The role matrix (testing/role-matrix.ts), walked over HTTP: every page and route
 * handler with each role's real session. Server actions are walked by
 * lib/auth/role-matrix.test.ts.
 */
const rows = roleMatrix.filter((row) => row.kind !== "action");

async function expectPage(page: Page, target: string, access: Access) {
  await page.goto(target);
  // A page with a loading state streams first and may redirect in the browser after:
  // wait for the network to settle, but no longer than 10 s (a request left open on a
  // busy machine must not hang the walk); the checks below poll for redirects anyway.
  await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => undefined);
  const requested = new URL(target, page.url()).pathname;
  const at = () => new URL(page.url());
  if (access === "login") await expect.poll(() => at().pathname).toBe("/login");
  else if (access === "home") await expect.poll(() => at().pathname).toBe("/overview");
  else if (access === "denied")
    await expect.poll(() => `${at().pathname}${at().search}`).toBe("/overview?denied=1");
  else expect(at().pathname).toBe(requested);
}

async function expectRoute(page: Page, target: string, method: string, access: Access) {
  const response = await page.request.fetch(target, { method, maxRedirects: 0 });
  if (access === 401 || access === 403) expect(response.status()).toBe(access);
  else {
    expect(response.status()).not.toBe(401);
    expect(response.status()).not.toBe(403);
    expect(response.status()).toBeLessThan(500);
  }
}

for (const audience of audiences) {
  test.describe(`role matrix as ${audience}`, () => {
    test.describe.configure({ mode: "serial" });
    let context: BrowserContext;
    let page: Page;

    test.beforeAll(async ({ browser }) => {
      // beforeAll has no test options: the same address playwright.config.ts serves.
      const baseURL = `http://127.0.0.1:${process.env.E2E_APP_PORT ?? 3100}`;
      context = await browser.newContext({ baseURL, locale: "id-ID", timezoneId: "Asia/Jakarta" });
      page = await context.newPage();
      if (audience !== "anonymous")
        await signIn(page, await createAccount(audience as Exclude<Audience, "anonymous">));
    });
    test.afterAll(async () => {
      await context.close();
    });

    for (const row of rows) {
      const access = row.expect[audience];
      test(`${row.method ?? "GET"} ${row.target} → ${access}`, async () => {
        if (row.kind === "page") await expectPage(page, row.target, access);
        else await expectRoute(page, row.target, row.method ?? "GET", access);
      });
    }
  });
}
