import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withEmulator } from "@purwantara/emulator/testing";
import { resetSecretKeyring, seal } from "@/lib/crypto/secret-box";
import { FieldError } from "@/lib/errors";
import { gatewayConfig } from "@/lib/gateway/config";
import { insertTestUser } from "@/testing/accounts";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { settingsMessages as messages } from "@/testing/settings-messages";
import { testGatewayConnection } from "./gateway-checks";
import { saveGatewayCredentials, type GatewayCredentialsInput } from "./gateway-settings";
import { forgetSavedGateways, secretContext } from "./saved-gateway";

const db = withTestDatabase();
const emulator = withEmulator({ token: "sandbox-token-0001" });
// Another machine's open port: nothing may reach it through the gateway settings.
const heard: string[] = [];
const bystander = createServer((request, response) => {
  heard.push(`${request.method} ${request.url}`);
  response.end("{}");
});
let bystanderOrigin = "";
let admin = { id: "", ip: null as string | null };

beforeAll(async () => {
  bystander.listen(0, "127.0.0.1");
  await once(bystander, "listening");
  bystanderOrigin = `http://127.0.0.1:${(bystander.address() as AddressInfo).port}`;
  delete process.env.PURWANTARA_MODE;
  delete process.env.PURWANTARA_TOKEN;
  delete process.env.PURWANTARA_CALLBACK_SECRET;
  delete process.env.PURWANTARA_BASE_URL;
  // Only the emulator stands in for Purwantara's hosts; the bystander is not listed.
  process.env.PURWANTARA_EXTRA_GATEWAY_ORIGINS = emulator.baseUrl();
  process.env.SETTINGS_ENCRYPTION_KEY = randomBytes(32).toString("base64");
  resetSecretKeyring();
  const id = await insertTestUser(db.url(), {
    email: "addr@example.com",
    password: "admin password",
    role: "admin",
  });
  admin = { id, ip: "192.0.2.10" };
});

afterAll(async () => {
  bystander.closeAllConnections();
  bystander.close();
  await once(bystander, "close");
});

const save = (mode: "sandbox" | "production", input: GatewayCredentialsInput) =>
  saveGatewayCredentials(mode, input, admin, messages);

async function refusal(promise: Promise<unknown>): Promise<{ field: string; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FieldError);
  return { field: (error as FieldError).field, message: (error as FieldError).message };
}

const savedRow = async (mode: string) =>
  (
    await queryTestDb<{ base_url: string | null; token: boolean }>(
      db.url(),
      "select base_url, token_sealed is not null as token from gateway_settings where mode = $1",
      [mode],
    )
  )[0];

describe("the gateway address on the settings page", () => {
  it("refuses an address that is not Purwantara's, saving nothing and calling nobody", async () => {
    expect(
      await refusal(
        save("production", {
          baseUrl: `${bystanderOrigin}/v1/`,
          token: "live-token-0001",
          callbackSecret: "live-secret-0000000001",
          currentPassword: "admin password",
        }),
      ),
    ).toEqual({ field: "baseUrl", message: "not purwantara" });
    expect(await savedRow("production")).toBeUndefined();
    expect(heard).toEqual([]);
  });

  it("moves only with the person's password, and clears the token saved for the old address", async () => {
    await save("sandbox", { token: "sandbox-token-0001", callbackSecret: "sandbox-secret-000001" });
    const move = { baseUrl: `${emulator.baseUrl()}/v1/` };
    expect(await refusal(save("sandbox", move))).toEqual({
      field: "currentPassword",
      message: "password needed",
    });
    expect(await refusal(save("sandbox", { ...move, currentPassword: "guess" }))).toEqual({
      field: "currentPassword",
      message: "wrong password",
    });
    expect(await savedRow("sandbox")).toEqual({ base_url: null, token: true });

    const fields = await save("sandbox", { ...move, currentPassword: "admin password" });
    expect(fields).toEqual(["baseUrl", "tokenCleared"]);
    expect(await savedRow("sandbox")).toEqual({ base_url: move.baseUrl, token: false });
    // No token, no gateway: the old token never goes to the new address.
    expect(await gatewayConfig("sandbox")).toBeNull();
    expect(await testGatewayConnection("sandbox")).toEqual({ verdict: "not_configured" });

    // The token for the new address, typed again; the address in effect needs no password.
    await save("sandbox", { ...move, token: "sandbox-token-0001" });
    expect(await testGatewayConnection("sandbox")).toEqual({ verdict: "accepted" });
    const [audit] = await queryTestDb<{ details: { fields: string[] } }>(
      db.url(),
      "select details from audit_log where action = 'settings.changed' and details->'fields' ? 'tokenCleared'",
    );
    expect(audit?.details.fields).toEqual(["baseUrl", "tokenCleared"]);
  });

  it("never calls an address saved before the rule: open and closed ports look the same", async () => {
    const sealed = (field: "token" | "callbackSecret", value: string) =>
      seal(value, secretContext("production", field));
    for (const address of [`${bystanderOrigin}/v1/`, "http://127.0.0.1:9/v1/"]) {
      await queryTestDb(
        db.url(),
        `insert into gateway_settings (mode, base_url, token_sealed, callback_secret_sealed)
         values ('production', $1, $2, $3)
         on conflict (mode) do update set base_url = excluded.base_url,
           token_sealed = excluded.token_sealed, callback_secret_sealed = excluded.callback_secret_sealed`,
        [address, sealed("token", "live-token-0002"), sealed("callbackSecret", "live-secret-02")],
      );
      forgetSavedGateways();
      expect(await savedRow("production")).toEqual({ base_url: address, token: true });
      expect(await gatewayConfig("production")).toBeNull();
      expect(await testGatewayConnection("production")).toEqual({ verdict: "not_configured" });
    }
    expect(heard).toEqual([]);
  });
});
