/** Addresses chosen by scripts/test.ts and passed to playwright.config.ts. */
export const emulatorUrl = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 4110}`;
export const databaseUrl = process.env.E2E_DATABASE_URL ?? "";
