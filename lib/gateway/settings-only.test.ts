import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { withEmulator } from "@purwantara/emulator/testing";
import { paymentLink, type PaymentLinkForm } from "@/channels/payment-link/server";
import { resetSecretKeyring } from "@/lib/crypto/secret-box";
import { AppError } from "@/lib/errors";
import { createPayment } from "@/lib/payments/create-payment";
import { saveGatewayCredentials, startSecretRotation } from "@/lib/settings/gateway-settings";
import { getViewChoice } from "@/lib/settings/active-view";
import { forgetSavedGateways } from "@/lib/settings/saved-gateway";
import { insertTestUser } from "@/testing/accounts";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import type { CurrentUser } from "@/lib/auth/session";
import { actingMode, callbackSecrets, gatewayConfigs } from "./config";
import { settingsMessages } from "@/testing/settings-messages";

// A production build started with no PURWANTARA_* variable at all: the real parser
// reads a production environment (the test database's URL is set in beforeAll).
vi.mock("@/lib/env", async () => {
  const { parseEnv } = await import("@/lib/env-schema");
  return {
    getEnv: () =>
      parseEnv({
        NODE_ENV: "production",
        DATABASE_URL: process.env.DATABASE_URL,
        AUTH_SECRET: "a".repeat(40),
        APP_URL: "https://pay.example.com",
        PURWANTARA_TIMEOUT_MS: "2000",
        PURWANTARA_EXTRA_GATEWAY_ORIGINS: process.env.PURWANTARA_EXTRA_GATEWAY_ORIGINS,
      }),
  };
});

const db = withTestDatabase();
const emulator = withEmulator({ token: "sandbox-token-from-the-browser" });
const messages = settingsMessages;
let admin: CurrentUser;
let operator: CurrentUser;

beforeAll(async () => {
  process.env.SETTINGS_ENCRYPTION_KEY = randomBytes(32).toString("base64");
  // The emulator stands in for Purwantara's sandbox host (lib/gateway/gateway-address.ts).
  process.env.PURWANTARA_EXTRA_GATEWAY_ORIGINS = emulator.baseUrl();
  resetSecretKeyring();
  const person = async (role: "admin" | "operator") => {
    const email = `settings-only-${role}@example.com`;
    const id = await insertTestUser(db.url(), { email, password: `${role} password`, role });
    return {
      id,
      email,
      name: "P",
      role,
      locale: "en",
      timeZone: "Asia/Jakarta",
      sessionId: randomUUID(),
      twoFactorEnabled: false,
    } satisfies CurrentUser;
  };
  admin = await person("admin");
  operator = await person("operator");
});

const form = (): PaymentLinkForm => ({
  idempotencyKey: randomUUID(),
  amount: 150_000n,
  title: "Invoice 42",
  description: null,
  expiresAt: new Date(Date.now() + 86_400_000),
  returnUrl: null,
});

describe("a production build with no gateway in the environment", () => {
  it("has no mode, no secret and nothing to create until an admin saves credentials", async () => {
    expect(await gatewayConfigs()).toEqual([]);
    expect(await callbackSecrets()).toEqual([]);
    // Each view still reads its own (empty) data; nothing falls back to local mode.
    expect(await actingMode(operator)).toBe("sandbox");
    expect(await getViewChoice(operator.id)).toMatchObject({
      view: "test",
      mode: "sandbox",
      configured: false,
      available: { test: false, live: false },
    });
    const refused = await createPayment(paymentLink, form(), operator).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).translation).toEqual({ key: "actions.noCredentials.sandbox" });
    // Refused before anything is stored: no half-made attempt to explain later.
    const rows = await queryTestDb<{ n: number }>(
      db.url(),
      "select count(*)::int as n from transactions",
    );
    expect(rows[0]!.n).toBe(0);
  });

  it("works from credentials saved in Settings alone: create, secrets and rotation", async () => {
    await saveGatewayCredentials(
      "sandbox",
      {
        baseUrl: `${emulator.baseUrl()}/v1/`,
        token: "sandbox-token-from-the-browser",
        callbackSecret: "sandbox-secret-from-the-browser",
        currentPassword: "admin password",
      },
      { id: admin.id, ip: null },
      messages,
    );
    forgetSavedGateways();
    const [sandbox] = await gatewayConfigs();
    expect(sandbox).toMatchObject({
      mode: "sandbox",
      source: "settings",
      timeoutMs: 2000,
      sources: { baseUrl: "settings", token: "settings", callbackSecrets: "settings" },
    });
    expect(await getViewChoice(operator.id)).toMatchObject({
      mode: "sandbox",
      configured: true,
      available: { test: true, live: false },
    });
    const result = await createPayment(paymentLink, form(), operator);
    expect(result.ok).toBe(true);
    expect(result.transaction).toMatchObject({ mode: "sandbox", state: "active" });

    await startSecretRotation(
      "sandbox",
      "sandbox-secret-rotated",
      { id: admin.id, ip: null },
      messages,
    );
    expect((await callbackSecrets()).map((s) => [s.mode, s.slot, s.secret])).toEqual([
      ["sandbox", "current", "sandbox-secret-rotated"],
      ["sandbox", "previous", "sandbox-secret-from-the-browser"],
    ]);
    // Live stays unavailable (and says so) until production credentials are saved.
    await queryTestDb(db.url(), "update users set active_view = 'live' where id = $1", [
      operator.id,
    ]);
    expect(await actingMode(operator)).toBe("sandbox");
  });
});
