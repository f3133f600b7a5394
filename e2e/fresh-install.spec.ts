import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { runMigrations } from "../db/migrate";
import { databaseUrl, emulatorUrl } from "./support/env";
import { fill, m } from "./support/i18n";
import { NewPaymentLinkPage } from "./support/pages";
import { checkScreen } from "./support/screen-checks";

/**
 * A production install as the README describes it: the same build started with no
 * PURWANTARA_* variable, on an empty database of its own. The first admin is made in
 * the browser and configures the gateway in the browser, then a payment is made.
 */

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForHealth(url: string, app: ChildProcess) {
  for (let i = 0; i < 120; i++) {
    if (app.exitCode !== null) throw new Error(`npm start exited with ${app.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the fresh install did not answer /api/health within 60 s");
}

const database = `fresh_install_${randomBytes(4).toString("hex")}`;
let app: ChildProcess | undefined;
let appUrl = "";

test.beforeAll(async () => {
  await admin(`create database ${database}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  await runMigrations(url.toString());
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  // No gateway credentials: only what the README's production paragraph requires.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("PURWANTARA_")),
  );
  // Its own process group, so stopping it stops the server Next.js starts under it.
  app = spawn(process.execPath, ["scripts/start.mjs"], {
    detached: true,
    env: {
      ...env,
      PORT: String(port),
      BIND_ADDRESS: "127.0.0.1",
      NODE_ENV: "production",
      DATABASE_URL: url.toString(),
      AUTH_SECRET: randomBytes(32).toString("hex"),
      SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      APP_URL: appUrl,
      // The one gateway variable: the emulator stands in for Purwantara's sandbox host.
      PURWANTARA_EXTRA_GATEWAY_ORIGINS: emulatorUrl,
      JOBS: "off",
    },
    stdio: "ignore",
  });
  await waitForHealth(appUrl, app);
});

test.afterAll(async () => {
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app!.once("exit", resolve));
    process.kill(-app.pid!, "SIGTERM");
    await exited;
  }
  await admin(`drop database if exists ${database} with (force)`);
});

test("a production install with no gateway variables is configured entirely in the browser", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: appUrl });
  const page = await context.newPage();
  const s = m.setup;
  await page.goto("/overview");
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel(s.name).fill("Rina Admin");
  await page.getByLabel(s.email).fill("rina@example.com");
  await page.getByLabel(s.password, { exact: true }).fill("kopi tubruk pagi hari");
  await page.getByLabel(s.confirm).fill("kopi tubruk pagi hari");
  await page.getByRole("button", { name: s.submit }).click();
  await expect(page.getByRole("heading", { name: m.overview.title })).toBeVisible();

  // No credentials yet: every page says so, and the form says why it cannot work.
  await expect(page.getByText(m.shell.noGateway)).toBeVisible();
  await expect(page.getByRole("button", { name: m.modeSwitch.live, exact: true })).toBeDisabled();
  const form = new NewPaymentLinkPage(page);
  await form.open();
  await expect(page.getByText(m.actions.noCredentials.sandbox)).toBeVisible();
  await checkScreen(page, "id");
  await form.submit({ title: "Belum bisa", amount: "15.000" });
  await expect(page.getByRole("alert").getByText(m.actions.noCredentials.sandbox)).toBeVisible();

  // The admin follows the banner's link and saves the sandbox credentials.
  await page.getByRole("link", { name: m.shell.noGatewayAdmin }).first().click();
  await expect(page).toHaveURL(/\/settings$/);
  const sandbox = page.getByRole("region", { name: m.mode.sandbox, exact: true });
  const g = m.settings.gateway;
  await expect(sandbox.getByText(g.notConfigured, { exact: true })).toBeVisible();
  await sandbox.getByLabel(g.baseUrl).fill(`${emulatorUrl}/v1/`);
  await sandbox.getByLabel(g.token).fill("e2e-gateway-token");
  await sandbox.getByLabel(g.callbackSecret).fill("fresh-install-sandbox-secret-7788");
  // Another address than Purwantara's default: confirmed with the admin's password.
  await sandbox.getByLabel(g.currentPassword).fill("kopi tubruk pagi hari");
  await sandbox.getByRole("button", { name: g.save }).click();
  await expect(
    sandbox.getByText(fill(m.settings.done.saved, { mode: m.mode.sandbox })),
  ).toBeVisible();
  await expect(sandbox.getByText(g.configured, { exact: true })).toBeVisible();
  await sandbox.getByRole("button", { name: m.settings.connection.test }).click();
  await expect(sandbox.getByText(m.settings.connection.accepted)).toBeVisible();
  await expect(page.getByText(m.shell.noGateway)).toHaveCount(0);

  // Now a payment is made against the gateway those settings name.
  await form.open();
  await expect(page.getByText(m.actions.noCredentials.sandbox)).toHaveCount(0);
  await form.submit({ title: "Pesanan pertama", amount: "15.000" });
  await expect(page.getByText(m.transaction.created)).toBeVisible();
  await expect(
    page.getByLabel(m.channels["payment-link"].handoff.linkLabel, { exact: true }),
  ).toContainText(`${emulatorUrl}/share/payment-links/`);
  await context.close();
});
