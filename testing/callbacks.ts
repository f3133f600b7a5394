import { randomUUID } from "node:crypto";
import { phpJsonEncode, type JsonValue } from "@purwantara/contract/php-json";
import { localCallbackSecret } from "@purwantara/contract";
import { signCallbackBody } from "@purwantara/contract/signature";

/** A callback body shaped like the contract's example, with PHP's bytes. */
export function callbackBody(overrides: Record<string, JsonValue>): Buffer {
  const uuid = typeof overrides.uuid === "string" ? overrides.uuid : randomUUID();
  const payload: Record<string, JsonValue> = {
    uuid,
    event: { meta: { customer_phone: null }, type: "payment-link", channel: "QRIS" },
    title: "Kopi Susu ☕ order",
    amount: "10000.0000",
    status: "PAID",
    paid_at: "2026-11-23T05:00:00.123456Z",
    settle_at: null,
    channel_id: 8,
    created_at: "2026-11-23T04:00:00.000000Z",
    expires_at: "2026-11-24T04:00:00.000000Z",
    return_url: null,
    description: "Demo",
    external_id: null,
    payment_link_url: `http://127.0.0.1:4010/share/payment-links/${uuid}`,
    ...overrides,
  };
  return Buffer.from(phpJsonEncode(payload), "utf8");
}

/** A signed POST to the webhook route, as Purwantara sends it. */
export function callbackRequest(
  body: Buffer,
  options: { deliveryId?: string; signature?: string | null; secret?: string } = {},
): Request {
  const headers: Record<string, string> = {
    Accept: "*/*",
    "Content-Type": "application/json",
    "User-Agent": "PPN-WH",
    "X-PPN-Delivery": options.deliveryId ?? randomUUID(),
  };
  const signature =
    options.signature === undefined
      ? signCallbackBody(body, options.secret ?? localCallbackSecret)
      : options.signature;
  if (signature !== null) headers.Signature = signature;
  return new Request("http://127.0.0.1:3000/api/webhooks/purwantara", {
    method: "POST",
    headers,
    body: new Uint8Array(body),
  });
}

/** Sends a signed request through the receive path with these secrets: the HTTP answer's status and body. */
export async function ingestWithSecrets(
  request: Request,
  secrets: readonly import("@/lib/gateway/config").CallbackSecret[],
): Promise<{ status: number; body: { ok: boolean; outcome?: string; error?: string } }> {
  const { receiveCallback } = await import("@/lib/webhooks/ingest");
  const { answerResponse } = await import("@/lib/webhooks/answer");
  const response = answerResponse(await receiveCallback(request, { secrets }));
  return {
    status: response.status,
    body: (await response.json()) as { ok: boolean; outcome?: string },
  };
}
