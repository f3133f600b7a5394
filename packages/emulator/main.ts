import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { callbackDelivery, localCallbackSecret, localEmulatorToken } from "@purwantara/contract";
import { createEmulator, defaultCallbackUrl, defaultPort, type EmulatorOptions } from "./server";

function fail(message: string): never {
  console.error(`emulator: ${message}`);
  process.exit(1);
}

function portFromEnv(value: string | undefined): number {
  if (value === undefined || value === "") return defaultPort;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`EMULATOR_PORT must be a port number, got "${value}"`);
  return port;
}

function backoffFromEnv(value: string | undefined): number[] | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const waits = value.split(",").map((part) => Number(part.trim()));
  if (waits.some((ms) => !Number.isInteger(ms) || ms < 0)) {
    fail(
      `EMULATOR_CALLBACK_BACKOFF_MS must be a comma list of milliseconds, like "200,500"; got "${value}"`,
    );
  }
  return waits;
}

/**
 * The /control routes always need a token here: EMULATOR_CONTROL_TOKEN, or else a random
 * one written to <data dir>/control-token (readable by this user only), never logged.
 */
function controlTokenFrom(env: NodeJS.ProcessEnv): string {
  if (env.EMULATOR_CONTROL_TOKEN) return env.EMULATOR_CONTROL_TOKEN;
  const dir = env.EMULATOR_DATA_DIR || ".data/emulator";
  const token = randomBytes(24).toString("base64url");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "control-token"), `${token}\n`, { mode: 0o600 });
  return token;
}

function optionsFromEnv(env: NodeJS.ProcessEnv): EmulatorOptions {
  return {
    host: env.EMULATOR_HOST || "127.0.0.1",
    port: portFromEnv(env.EMULATOR_PORT),
    dataDir: env.EMULATOR_DATA_DIR || ".data/emulator",
    token: env.EMULATOR_TOKEN || localEmulatorToken,
    callbackUrl: env.EMULATOR_CALLBACK_URL || defaultCallbackUrl,
    callbackSecret: env.EMULATOR_CALLBACK_SECRET || localCallbackSecret,
    callbackBackoffMs:
      backoffFromEnv(env.EMULATOR_CALLBACK_BACKOFF_MS) ?? callbackDelivery.backoffMs,
    publicUrl: env.EMULATOR_PUBLIC_URL || undefined,
    controlToken: controlTokenFrom(env),
    log: (line) => console.log(`${new Date().toISOString()} ${line}`),
  };
}

async function main(): Promise<void> {
  const options = optionsFromEnv(process.env);
  const emulator = createEmulator(options);
  const { baseUrl } = await emulator.listen();
  console.log(
    `Purwantara emulator: API ${baseUrl}/v1/ · simulator ${baseUrl}/ · callbacks to ${options.callbackUrl}`,
  );
  if (!process.env.EMULATOR_CONTROL_TOKEN) {
    console.log(`emulator: /control token in ${path.join(options.dataDir, "control-token")}`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`emulator: ${signal}, shutting down`);
    emulator.close().then(
      () => process.exit(0),
      (err: unknown) => fail(`shutdown failed: ${String(err)}`),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
