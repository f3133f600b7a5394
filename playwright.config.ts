import { defineConfig, devices } from "@playwright/test";
import {
  appServerEnv,
  chromiumLaunchOptions,
  emulatorServer,
  mailCatcherServer,
  runSecrets,
} from "./e2e/support/servers";

// Set by scripts/test.ts (npm test), which also builds the app and makes the database.
const appPort = Number(process.env.E2E_APP_PORT ?? 3100);
const emulatorPort = Number(process.env.E2E_EMULATOR_PORT ?? 4110);
const databaseUrl = process.env.E2E_DATABASE_URL ?? "";
const appUrl = `http://127.0.0.1:${appPort}`;
// Set explicitly on both sides, so a developer's .env cannot make them disagree.
const gatewayToken = "e2e-gateway-token";
const callbackSecret = "e2e-callback-secret";
// The local mail catcher: the app sends over SMTP to it, specs read it over HTTP.
const mailSmtpPort = Number(process.env.E2E_MAIL_SMTP_PORT ?? 1125);
const mailHttpPort = Number(process.env.E2E_MAIL_HTTP_PORT ?? 1180);
// The emulator's /control routes need it (specs read it from e2e/support/env.ts).
const emulatorControlToken = process.env.E2E_EMULATOR_CONTROL_TOKEN ?? "e2e-emulator-control";
const ports = { mailSmtp: mailSmtpPort, mailHttp: mailHttpPort, emulator: emulatorPort };

const launchOptions = chromiumLaunchOptions;
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
    mailCatcherServer(ports),
    emulatorServer(ports, `${appUrl}/api/webhooks/purwantara`, {
      EMULATOR_DATA_DIR: process.env.E2E_EMULATOR_DATA_DIR ?? ".data/e2e-emulator",
      EMULATOR_TOKEN: gatewayToken,
      EMULATOR_CALLBACK_SECRET: callbackSecret,
      EMULATOR_CONTROL_TOKEN: emulatorControlToken,
    }),
    {
      // npm start's server (its timeouts included), as production runs it.
      command: "node scripts/start.mjs",
      url: `${appUrl}/api/health`,
      reuseExistingServer: false,
      stdout: "ignore",
      env: {
        ...appServerEnv({
          port: appPort,
          appUrl,
          databaseUrl: process.env.E2E_APP_DATABASE_URL ?? databaseUrl,
          ports,
          secrets: runSecrets(),
        }),
        // The relay spec's receiver listens on this machine's loopback.
        RELAY_ALLOW_PRIVATE_TARGETS: "1",
        PURWANTARA_TOKEN: gatewayToken,
        PURWANTARA_CALLBACK_SECRET: callbackSecret,
        // The status sweep would settle rows the specs look at while they wait; it has
        // its own tests (lib/jobs): only the email sender runs. E2E_JOBS=on runs both.
        JOBS: process.env.E2E_JOBS ?? "email",
      },
    },
  ],
});
