import { defineConfig, devices } from "@playwright/test";
import {
  chromiumLaunchOptions,
  emulatorServer,
  mailCatcherServer,
} from "../../e2e/support/servers";
import { clusterPorts, proxyUrl } from "./replicas";

/**
 * The cluster suite (`npm run test:cluster`, scripts/test.ts --only=cluster): the
 * emulator and the mail catcher start here; the spec starts the three replicas and
 * nginx itself, since it stops, kills and restarts them. One worker, in order.
 */
const ports = clusterPorts();

export default defineConfig({
  testDir: ".",
  testMatch: /\.cluster\.ts$/,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 240_000,
  // Three production servers and a browser on a shared 2-core machine.
  expect: { timeout: 30_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  use: {
    baseURL: proxyUrl(ports),
    trace: "retain-on-failure",
    timezoneId: "Asia/Jakarta",
    locale: "id-ID",
    ...devices["Desktop Chrome"],
    launchOptions: chromiumLaunchOptions,
  },
  webServer: [
    mailCatcherServer(ports),
    emulatorServer(ports, `${proxyUrl(ports)}/api/webhooks/purwantara`, {
      EMULATOR_DATA_DIR: process.env.E2E_EMULATOR_DATA_DIR ?? ".data/cluster-emulator",
    }),
  ],
});
