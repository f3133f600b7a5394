import { randomBytes } from "node:crypto";
import { resetSecretKeyring } from "@/lib/crypto/secret-box";
import { beforeAll, describe, expect, it } from "vitest";
import { withEmulator } from "@purwantara/emulator/testing";
import { insertTestUser } from "@/testing/accounts";
import { withTestDatabase } from "@/testing/database";
import { testGatewayConnection } from "./gateway-checks";
import { saveGatewayCredentials } from "./gateway-settings";
import {
  getSavedSettlementDelays,
  saveMerchantSettings,
  defaultSettlementDelays,
} from "./merchant";
import { settingsMessages } from "@/testing/settings-messages";

const db = withTestDatabase();
const emulator = withEmulator();
const messages = settingsMessages;
let admin = { id: "", ip: null as string | null };

beforeAll(async () => {
  delete process.env.PURWANTARA_MODE;
  delete process.env.PURWANTARA_TOKEN;
  delete process.env.PURWANTARA_CALLBACK_SECRET;
  process.env.PURWANTARA_BASE_URL = `${emulator.baseUrl()}/v1/`;
  // The emulator and a closed port stand in for Purwantara's hosts (lib/gateway/gateway-address.ts).
  process.env.PURWANTARA_EXTRA_GATEWAY_ORIGINS = `${emulator.baseUrl()},http://127.0.0.1:9`;
  process.env.SETTINGS_ENCRYPTION_KEY = randomBytes(32).toString("base64");
  resetSecretKeyring();
  const id = await insertTestUser(db.url(), {
    email: "chk@example.com",
    password: "admin password",
    role: "admin",
  });
  admin = { id, ip: null };
});

describe("test connection", () => {
  it("says accepted, refused, unreachable or not configured", async () => {
    expect(await testGatewayConnection("local")).toEqual({ verdict: "accepted" });
    expect(await testGatewayConnection("sandbox")).toEqual({ verdict: "not_configured" });
    await saveGatewayCredentials(
      "sandbox",
      {
        baseUrl: `${emulator.baseUrl()}/v1/`,
        token: "not-the-emulator-token",
        callbackSecret: "sandbox-secret-0123456789",
        currentPassword: "admin password",
      },
      admin,
      messages,
    );
    expect(await testGatewayConnection("sandbox")).toEqual({ verdict: "refused", httpStatus: 401 });
    await saveGatewayCredentials(
      "production",
      {
        baseUrl: "http://127.0.0.1:9/v1/",
        token: "some-live-token",
        callbackSecret: "live-secret-0123456789",
        currentPassword: "admin password",
      },
      admin,
      messages,
    );
    expect(await testGatewayConnection("production")).toEqual({ verdict: "unreachable" });
  });
});

describe("settlement delays", () => {
  it("are the defaults until saved, then the saved days per channel", async () => {
    expect(await getSavedSettlementDelays()).toEqual(defaultSettlementDelays);
    const fields = await saveMerchantSettings(
      {
        businessName: "Toko",
        businessContact: "WhatsApp 0812 3456 7890",
        defaultTimeZone: "Asia/Makassar",
        requireAdminTwoFactor: true,
        settlementDelays: { ...defaultSettlementDelays, counter: 3 },
      },
      admin,
    );
    expect(fields).toEqual([
      "businessName",
      "businessContact",
      "defaultTimeZone",
      "requireAdminTwoFactor",
      "settlementDelays.counter",
    ]);
    expect((await getSavedSettlementDelays()).counter).toBe(3);
    expect((await getSavedSettlementDelays()).qris).toBe(1);
  });
});
