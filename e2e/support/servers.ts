import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";

/**
 * The processes a browser run needs beside the app, and the app's environment, shared by
 * playwright.config.ts (one app) and tools/cluster (three behind nginx).
 */
/** The checkout: the servers run from it whichever config starts them. */
const root = fileURLToPath(new URL("../..", import.meta.url));

export type ServerPorts = { mailSmtp: number; mailHttp: number; emulator: number };

/** The local mail catcher, as a Playwright webServer. */
export function mailCatcherServer(ports: ServerPorts) {
  return {
    command: "tsx tools/mail-catcher/main.ts",
    cwd: root,
    url: `http://127.0.0.1:${ports.mailHttp}/health`,
    reuseExistingServer: false,
    stdout: "ignore" as const,
    env: {
      MAIL_CATCHER_SMTP_PORT: String(ports.mailSmtp),
      MAIL_CATCHER_HTTP_PORT: String(ports.mailHttp),
    },
  };
}

/** The emulator, as a Playwright webServer; `env` adds or overrides its variables. */
export function emulatorServer(
  ports: ServerPorts,
  callbackUrl: string,
  env: Record<string, string> = {},
) {
  return {
    command: "tsx packages/emulator/main.ts",
    cwd: root,
    url: `http://127.0.0.1:${ports.emulator}/health`,
    reuseExistingServer: false,
    stdout: "ignore" as const,
    env: {
      EMULATOR_PORT: String(ports.emulator),
      EMULATOR_CALLBACK_URL: callbackUrl,
      EMULATOR_CALLBACK_BACKOFF_MS: "500,1000",
      ...env,
    },
  };
}

/** Secrets a run's app processes share (every replica of a cluster the same). */
export function runSecrets() {
  return {
    AUTH_SECRET: randomBytes(32).toString("hex"),
    // Seals TOTP secrets and saved gateway credentials; a production build requires one.
    SETTINGS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
}

/** `npm start`'s environment for a production build on the emulator, in `local` mode. */
export function appServerEnv(options: {
  port: number;
  appUrl: string;
  databaseUrl: string;
  ports: ServerPorts;
  secrets: ReturnType<typeof runSecrets>;
}): Record<string, string> {
  const emulatorUrl = `http://127.0.0.1:${options.ports.emulator}`;
  return {
    PORT: String(options.port),
    BIND_ADDRESS: "127.0.0.1",
    DATABASE_URL: options.databaseUrl,
    ...options.secrets,
    PURWANTARA_MODE: "local",
    // A production build against the emulator: a declared demo (the UI says so).
    PURWANTARA_ALLOW_LOCAL_IN_PRODUCTION: "1",
    PURWANTARA_BASE_URL: `${emulatorUrl}/v1/`,
    // The emulator stands in for Purwantara's hosts when a spec saves sandbox or production.
    PURWANTARA_EXTRA_GATEWAY_ORIGINS: emulatorUrl,
    PURWANTARA_TIMEOUT_MS: "5000",
    SMTP_URL: `smtp://127.0.0.1:${options.ports.mailSmtp}?tls=none`,
    MAIL_FROM: "Purwantara E2E <no-reply@e2e.example.com>",
    // Links in emails (password reset) are built from APP_URL, never from a Host header.
    APP_URL: options.appUrl,
  };
}

/** Chromium as every browser run starts it (CHROMIUM_PATH, default /usr/bin/chromium). */
export const chromiumLaunchOptions = {
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
