import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { keyFromBytes, resetSecretKeyring, seal as sealWith } from "@/lib/crypto/secret-box";
import { secretContext, type SealedField } from "@/lib/settings/saved-gateway";
import { saveGatewayCredentials, startSecretRotation } from "@/lib/settings/gateway-settings";
import { actingMode, callbackSecrets, gatewayConfig, gatewayConfigs, modeForView } from "./config";
import { settingsMessages } from "@/testing/settings-messages";

const db = withTestDatabase();
const keyBytes = randomBytes(32);
const keyring = { current: keyFromBytes(keyBytes), previous: [] };
const messages = settingsMessages;

beforeAll(() => {
  // The environment configures sandbox: its token and secret, not its address.
  process.env.PURWANTARA_MODE = "sandbox";
  process.env.PURWANTARA_TOKEN = "env-sandbox-token";
  process.env.PURWANTARA_CALLBACK_SECRET = "env-sandbox-secret";
  delete process.env.PURWANTARA_BASE_URL;
  delete process.env.PURWANTARA_CALLBACK_SECRET_PREVIOUS;
  // The saved sandbox address below is not Purwantara's: the operator allows it.
  process.env.PURWANTARA_EXTRA_GATEWAY_ORIGINS = "https://sandbox.example.test";
  process.env.SETTINGS_ENCRYPTION_KEY = keyBytes.toString("base64");
  resetSecretKeyring();
});

const seal = (mode: "sandbox" | "production", field: SealedField, value: string) =>
  sealWith(value, secretContext(mode, field), keyring);

describe("gatewayConfigs: environment and saved settings", () => {
  let adminId = "";
  beforeAll(async () => {
    const [row] = await queryTestDb<{ id: string }>(
      db.url(),
      "insert into users (email, name, password_hash, role) values ('cfg@example.com', 'A', 'x', 'admin') returning id",
    );
    adminId = row!.id;
  });

  it("is the environment's mode alone while nothing is saved", async () => {
    const configs = await gatewayConfigs();
    expect(configs.map((c) => c.mode)).toEqual(["sandbox"]);
    expect(configs[0]!.sources).toEqual({
      baseUrl: "default",
      token: "env",
      callbackSecrets: "env",
    });
  });

  it("lets environment values win field by field and adds saved modes", async () => {
    await queryTestDb(
      db.url(),
      `insert into gateway_settings (mode, base_url, token_sealed, callback_secret_sealed)
       values ('sandbox', 'https://sandbox.example.test/v1/', $1, $2),
              ('production', null, $3, $4)`,
      [
        seal("sandbox", "token", "saved-sandbox-token"),
        seal("sandbox", "callbackSecret", "saved-sandbox-secret"),
        seal("production", "token", "saved-live-token"),
        seal("production", "callbackSecret", "saved-live-secret"),
      ],
    );
    const { forgetSavedGateways } = await import("@/lib/settings/saved-gateway");
    forgetSavedGateways();
    const sandbox = await gatewayConfig("sandbox");
    expect(sandbox).toMatchObject({
      token: "env-sandbox-token",
      baseUrl: "https://sandbox.example.test/v1/",
      sources: { baseUrl: "settings", token: "env", callbackSecrets: "env" },
    });
    expect(sandbox!.callbackSecrets.map((s) => s.secret)).toEqual(["env-sandbox-secret"]);
    const live = await gatewayConfig("production");
    expect(live).toMatchObject({
      token: "saved-live-token",
      baseUrl: "https://api.purwantara.id/v1/",
      source: "settings",
    });
    expect(await gatewayConfig("local")).toBeNull();
    expect(await callbackSecrets()).toEqual([
      { mode: "sandbox", slot: "current", secret: "env-sandbox-secret" },
      { mode: "production", slot: "current", secret: "saved-live-secret" },
    ]);
  });

  it("sees a save at once in the same process, and a rotation accepts both secrets", async () => {
    await saveGatewayCredentials(
      "production",
      { token: "new-live-token" },
      { id: adminId, ip: null },
      messages,
    );
    expect((await gatewayConfig("production"))!.token).toBe("new-live-token");
    await startSecretRotation(
      "production",
      "rotated-live-secret",
      { id: adminId, ip: null },
      messages,
    );
    expect((await gatewayConfig("production"))!.callbackSecrets).toEqual([
      { mode: "production", slot: "current", secret: "rotated-live-secret" },
      { mode: "production", slot: "previous", secret: "saved-live-secret" },
    ]);
    const stored = await queryTestDb<Record<string, string>>(
      db.url(),
      "select token_sealed, callback_secret_sealed, previous_secret_sealed from gateway_settings where mode = 'production'",
    );
    expect(JSON.stringify(stored)).not.toMatch(/new-live-token|rotated-live-secret|saved-live/);
    const audit = await queryTestDb<{ action: string; details: unknown }>(
      db.url(),
      "select action, details from audit_log order by id",
    );
    expect(audit.map((a) => a.action)).toEqual(["settings.changed", "settings.secret_rotated"]);
    expect(JSON.stringify(audit)).not.toMatch(/new-live-token|rotated-live-secret/);
    expect(audit[0]!.details).toEqual({ fields: ["token"] });
  });

  it("refuses a callback secret another mode already uses", async () => {
    await expect(
      startSecretRotation("production", "env-sandbox-secret", { id: adminId, ip: null }, messages),
    ).rejects.toThrow("in use");
  });

  it("maps each person's test/live switch to a configured mode", async () => {
    expect(await actingMode({ id: adminId })).toBe("sandbox");
    await queryTestDb(db.url(), "update users set active_view = 'live' where id = $1", [adminId]);
    expect(await actingMode({ id: adminId })).toBe("production");
  });
});

describe("modeForView", () => {
  it("prefers sandbox over local for test, and falls back when a mode is missing", () => {
    expect(modeForView("test", ["local", "sandbox", "production"])).toBe("sandbox");
    expect(modeForView("test", ["local", "production"])).toBe("local");
    expect(modeForView("live", ["local", "production"])).toBe("production");
    expect(modeForView("live", ["local"])).toBe("local");
    expect(modeForView("test", ["production"])).toBe("production");
    // Nothing configured yet (a production build set up from Settings): the view's own mode.
    expect(modeForView("test", [])).toBe("sandbox");
    expect(modeForView("live", [])).toBe("production");
  });
});
