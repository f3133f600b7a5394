import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Runs only the emulator's tests, without the repo's global setup (which starts
 * PostgreSQL): `npx vitest run --config packages/emulator/vitest.config.ts`.
 */
export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  test: {
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**"],
    environment: "node",
    testTimeout: 20_000,
  },
});
