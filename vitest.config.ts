import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // `server-only` throws outside React Server Components; tests are server code.
      "server-only": fileURLToPath(new URL("./testing/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    // Load tests (several app processes, bursts) run on their own, after the rest
    // (VITEST_LOAD=1, scripts/test.ts), so their load never slows another file's test.
    include:
      process.env.VITEST_LOAD === "1"
        ? ["{lib,db,app}/**/*.load.test.ts"]
        : ["{lib,db,packages,app,channels,components,tools}/**/*.test.ts"],
    exclude: process.env.VITEST_LOAD === "1" ? [] : ["**/*.load.test.ts", "**/node_modules/**"],
    fileParallelism: process.env.VITEST_LOAD !== "1",
    // The callback tests read each delivery's outcome from its answer; the load tests
    // run as production does (answered once on disk).
    env: process.env.VITEST_LOAD === "1" ? {} : { CALLBACK_ANSWER_WAITS_MS: "1500" },
    environment: "node",
    // next-auth imports "next/server" without an extension, which Node's ESM loader
    // refuses outside Next.js; run it through Vite (lib/auth/session-cookie.test.ts).
    server: { deps: { inline: ["next-auth"] } },
    globalSetup: ["./testing/global-setup.ts"],
    // Integration tests each make a database; two cores, so keep parallelism modest.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
