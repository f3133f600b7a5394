import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import pg from "pg";
import { callbackBody } from "../../lib/testing/callbacks";
import { signCallbackBody } from "../../lib/purwantara/signature";
import type { JsonValue } from "../../emulator/php-json";
import { databaseUrl } from "./env";

/** The app's callback secret in the e2e run (PURWANTARA_CALLBACK_SECRET in playwright.config.ts). */
const callbackSecret = "e2e-callback-secret";

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Posts a correctly signed callback about a transaction, as Purwantara would; returns the stored row id. */
export async function postCallback(
  request: APIRequestContext,
  overrides: Record<string, JsonValue>,
): Promise<string> {
  const body = callbackBody(overrides);
  const deliveryId = randomUUID();
  const response = await request.post("/api/webhooks/purwantara", {
    data: body,
    headers: {
      "Content-Type": "application/json",
      "User-Agent": "PPN-WH",
      "X-PPN-Delivery": deliveryId,
      Signature: signCallbackBody(body, callbackSecret),
    },
  });
  if (response.status() !== 200) throw new Error(`callback answered ${response.status()}`);
  const [row] = await query<{ id: string }>(
    "select id from webhook_deliveries where delivery_id = $1",
    [deliveryId],
  );
  return row!.id;
}

export async function purwantaraUuidOf(transactionId: string): Promise<string> {
  const [row] = await query<{ uuid: string }>(
    "select purwantara_uuid uuid from transactions where id = $1",
    [transactionId],
  );
  return row!.uuid;
}

/** Puts a transaction back to awaiting payment, so replaying its PAID callback moves it again. */
export async function reopenTransaction(transactionId: string): Promise<void> {
  await query(
    "update transactions set state = 'active', raw_status = 'ACTIVE', paid_at = null where id = $1",
    [transactionId],
  );
}

export async function stateOf(transactionId: string): Promise<string> {
  const [row] = await query<{ state: string }>("select state from transactions where id = $1", [
    transactionId,
  ]);
  return row!.state;
}
