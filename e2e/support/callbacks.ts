import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import pg from "pg";
import { callbackBody } from "../../testing/callbacks";
import { signCallbackBody } from "@purwantara/contract/signature";
import type { JsonValue } from "@purwantara/contract/php-json";
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
  // On disk when answered; applied at once, or by the drainer moments later.
  for (let waited = 0; waited < 15_000; waited += 100) {
    const [row] = await query<{ id: string }>(
      "select id from webhook_deliveries where delivery_id = $1",
      [deliveryId],
    );
    if (row) return row.id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`delivery ${deliveryId} was not applied within 15 s`);
}

export async function externalIdOf(transactionId: string): Promise<string> {
  const [row] = await query<{ external_id: string }>(
    "select external_id from transactions where id = $1",
    [transactionId],
  );
  return row!.external_id;
}

/**
 * A signed delivery already in the inbox, waiting (as after two tries the database could
 * not take, its next try an hour away): what the log shows as received, not yet applied.
 */
export async function leavePendingDelivery(overrides: Record<string, JsonValue>): Promise<string> {
  const body = callbackBody(overrides);
  const deliveryId = randomUUID();
  await query(
    `insert into callback_inbox (mode, delivery_id, body_hash, headers, raw_body, verified_with, attempts, next_attempt_at)
     values ('local', $1, sha256($2), '{}'::jsonb, $2, 'current', 2, now() + interval '1 hour')`,
    [deliveryId, body],
  );
  return deliveryId;
}

/** Makes a waiting inbox delivery due now, as its next try would. */
export async function dueNow(deliveryId: string): Promise<void> {
  await query("update callback_inbox set next_attempt_at = now() where delivery_id = $1", [
    deliveryId,
  ]);
}

/** A genuine delivery quarantined while the app had another secret (it is signed with today's). */
export async function leaveQuarantinedDelivery(
  overrides: Record<string, JsonValue>,
): Promise<string> {
  const body = callbackBody(overrides);
  const deliveryId = randomUUID();
  const headers = {
    "x-ppn-delivery": deliveryId,
    signature: signCallbackBody(body, callbackSecret),
  };
  await query(
    `insert into callback_quarantine (delivery_id, headers, raw_body, bytes) values ($1, $2, $3, $4)`,
    [deliveryId, headers, body, body.length],
  );
  return deliveryId;
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
