import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";

// Set by scripts/test.ts (npm test), which also builds the app and makes the database.
const appPort = Number(process.env.E2E_APP_PORT ?? 3100);
const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 4110);
const databaseUrl = process.env.E2E_DATABASE_URL ?? "";
const appUrl = `http://127.0.0.1:${appPort}`;
// Set explicitly on both sides, so a developer's .env cannot make them disagree.
const gatewayToken = "e2e-gateway-token";
const callbackSecret = "e2e-callback-secret";
const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
// The local mail catcher: the app sends over SMTP to it, specs read it over HTTP.
const mailSmtpPort = Number(process.env.E2E_MAIL_SMTP_PORT ?? 1125);
const mailHttpPort = Number(process.env.E2E_MAIL_HTTP_PORT ?? 1180);
// The emulator's /control routes need it (specs read it from e2e/support/env.ts).
const emulatorControlToken = process.env.E2E_EMULATOR_CONTROL_TOKEN ?? "e2e-emulator-control";

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};
const desktop = { ...devices["Desktop Chrome"], launchOptions };
// A common phone: 390 × 844, touch, a phone's user agent (Chromium, not WebKit).
const phone = {
  ...devices["Pixel 7"],
  viewport: { width: 390, height: 844 },
  launchOptions,
};

/**
 * Whole flows run in the default language on a desktop; the main flow (tagged @phone)
 * and the per-screen checks (axe, sideways scroll, language) also run on a phone. The
 * empty-state screens run before any test makes a transaction.
 */
export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  use: {
    baseURL: appUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    timezoneId: "Asia/Jakarta",
    locale: "id-ID",
  },
  projects: [
    { name: "first-run", testMatch: /first-run\.spec\.ts/, use: desktop },
    {
      name: "empty",
      testMatch: /empty-state\.spec\.ts/,
      dependencies: ["first-run"],
      use: desktop,
    },
    {
      name: "desktop",
      testIgnore: /(first-run|empty-state)\.spec\.ts/,
      dependencies: ["empty"],
      use: desktop,
    },
    {
      name: "phone",
      testIgnore: /(first-run|empty-state)\.spec\.ts/,
      grep: /@phone/,
      dependencies: ["empty"],
      use: phone,
    },
  ],
  webServer: [
    {
      command: "tsx tools/mail-catcher/main.ts",
      url: `http://127.0.0.1:${mailHttpPort}/health`,
      reuseExistingServer: false,
      stdout: "ignore",
      env: {
        MAIL_CATCHER_SMTP_PORT: String(mailSmtpPort),
        MAIL_CATCHER_HTTP_PORT: String(mailHttpPort),
      },
    },
    {
      command: "tsx emulator/main.ts",
      url: `${emulatorUrl}/health`,
      reuseExistingServer: false,
      stdout: "ignore",
      env: {
        EMULATOR_PORT: String(emulatorPort),
        EMULATOR_DATA_DIR: process.env.E2E_EMULATOR_DATA_DIR ?? ".data/e2e-emulator",
        EMULATOR_CALLBACK_URL: `${appUrl}/api/webhooks/purwantara`,
        EMULATOR_CALLBACK_BACKOFF_MS: "500,1000",
        EMULATOR_TOKEN: gatewayToken,
        EMULATOR_CALLBACK_SECRET: callbackSecret,
        EMULATOR_CONTROL_TOKEN: emulatorControlToken,
      },
    },
    {
      // npm start's server (its timeouts included), as production runs it.
      command: "node scripts/start.mjs",
      url: `${appUrl}/api/health`,
      reuseExistingServer: false,
      stdout: "ignore",
      env: {
        PORT: String(appPort),
        BIND_ADDRESS: "127.0.0.1",
        DATABASE_URL: process.env.E2E_APP_DATABASE_URL ?? databaseUrl,
        AUTH_SECRET: randomBytes(32).toString("hex"),
        // Seals TOTP secrets and saved gateway credentials; a production build requires one.
        SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
        PURWANTARA_MODE: "local",
        // A production build against the emulator: a declared demo (the UI says so).
        PURWANTARA_ALLOW_LOCAL_IN_PRODUCTION: "1",
        PURWANTARA_BASE_URL: `${emulatorUrl}/v1/`,
        // The emulator stands in for Purwantara's hosts when a spec saves sandbox or production.
        PURWANTARA_EXTRA_GATEWAY_ORIGINS: emulatorUrl,
        // The relay spec's receiver listens on this machine's loopback.
        RELAY_ALLOW_PRIVATE_TARGETS: "1",
        PURWANTARA_TOKEN: gatewayToken,
        PURWANTARA_CALLBACK_SECRET: callbackSecret,
        PURWANTARA_TIMEOUT_MS: "5000",
        SMTP_URL: `smtp://127.0.0.1:${mailSmtpPort}?tls=none`,
        MAIL_FROM: "Purwantara E2E <no-reply@e2e.example.com>",
        // Links in emails (password reset) are built from APP_URL, never from a Host header.
        APP_URL: appUrl,
        // Set to prove the bench's route stays 404 in a build that is not the bench's
        // (e2e/production-server.spec.ts).
        PURWANTARA_BENCH_BASELINE: "1",
        // The status sweep would settle rows the specs look at while they wait; it has
        // its own tests (lib/jobs): only the email sender runs. E2E_JOBS=on runs both.
        JOBS: process.env.E2E_JOBS ?? "email",
      },
    },
  ],
});
