import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { resetSecretKeyring, seal } from "@/lib/crypto/secret-box";
import { AppError } from "@/lib/errors";
import { callbackSecrets, gatewayConfig } from "@/lib/gateway/config";
import { localCallbackSecret, localEmulatorToken } from "@purwantara/contract";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { settingsMessages as messages } from "@/testing/settings-messages";
import { saveGatewayCredentials, startSecretRotation, type SavedMode } from "./gateway-settings";
import { getSettingsOverview } from "./overview";
import { forgetSavedGateways, secretContext } from "./saved-gateway";

const db = withTestDatabase();
let admin = { id: "", ip: null as string | null };

beforeAll(async () => {
  // The environment configures sandbox only: local (whose secret is the emulator's) is
  // not in effect, so nothing but the credential rule stands in the way.
  process.env.PURWANTARA_MODE = "sandbox";
  process.env.PURWANTARA_TOKEN = "env-sandbox-token";
  process.env.PURWANTARA_CALLBACK_SECRET = "env-sandbox-secret-0001";
  delete process.env.PURWANTARA_BASE_URL;
  delete process.env.PURWANTARA_CALLBACK_SECRET_PREVIOUS;
  process.env.SETTINGS_ENCRYPTION_KEY = randomBytes(32).toString("base64");
  resetSecretKeyring();
  const [row] = await queryTestDb<{ id: string }>(
    db.url(),
    "insert into users (email, name, password_hash, role) values ('emu@example.com', 'A', 'x', 'admin') returning id",
  );
  admin = { id: row!.id, ip: null };
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? error.message : error),
  );

describe("saving the emulator's credentials as a real mode's", () => {
  for (const mode of ["sandbox", "production"] as const satisfies SavedMode[]) {
    it(`refuses them in ${mode}: nothing saved, the mode not ready`, async () => {
      const save = (input: { token?: string; callbackSecret?: string }) =>
        refusal(saveGatewayCredentials(mode, input, admin, messages));
      expect(await save({ token: "real-token", callbackSecret: localCallbackSecret })).toBe(
        "emulator secret",
      );
      expect(await save({ token: localEmulatorToken })).toBe("emulator token");
      const rows = await queryTestDb(
        db.url(),
        "select 1 from gateway_settings where mode = $1 and (token_sealed is not null or callback_secret_sealed is not null)",
        [mode],
      );
      expect(rows).toEqual([]);
      expect((await callbackSecrets()).some((s) => s.secret === localCallbackSecret)).toBe(false);
    });
  }

  it("refuses the emulator's secret as a rotation's new secret", async () => {
    await saveGatewayCredentials(
      "production",
      { token: "live-token", callbackSecret: "live-secret-from-purwantara" },
      admin,
      messages,
    );
    expect(
      await refusal(startSecretRotation("production", localCallbackSecret, admin, messages)),
    ).toBe("emulator secret");
    expect((await gatewayConfig("production"))?.callbackSecrets).toEqual([
      { mode: "production", slot: "current", secret: "live-secret-from-purwantara" },
    ]);
  });

  it("shows a mode saved with the emulator's secret before this rule as not configured", async () => {
    const sealed = seal(localCallbackSecret, secretContext("production", "callbackSecret"));
    await queryTestDb(
      db.url(),
      "update gateway_settings set callback_secret_sealed = $1 where mode = 'production'",
      [sealed],
    );
    forgetSavedGateways();
    expect(await gatewayConfig("production")).toBeNull();
    const overview = await getSettingsOverview();
    expect(overview.modes.find((m) => m.mode === "production")?.configured).toBe(false);
    // Rotating away from it makes the mode ready, without the emulator's secret as `previous`.
    await startSecretRotation("production", "live-secret-rotated-0002", admin, messages);
    expect((await gatewayConfig("production"))?.callbackSecrets).toEqual([
      { mode: "production", slot: "current", secret: "live-secret-rotated-0002" },
    ]);
  });
});
