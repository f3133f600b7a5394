/** Addresses chosen by scripts/test.ts and passed to playwright.config.ts. */
export const emulatorUrl = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4110}`;
export const databaseUrl = process.env.E2E_DATABASE_URL ?? "";
/** Headers for the emulator's /control routes (the token playwright.config.ts gives it). */
export const emulatorControlHeaders = {
  "x-emulator-control-token": process.env.E2E_EMULATOR_CONTROL_TOKEN ?? "e2e-emulator-control",
};
/** The local mail catcher's HTTP API (playwright.config.ts starts it). */
export const mailCatcherUrl = `http://127.0.0.1:${process.env.E2E_MAIL_HTTP_PORT ?? 1180}`;
