import { expect } from "vitest";
import { POST } from "@/app/api/webhooks/purwantara/route";
import type { ChannelModule } from "@/channels/shared/types";
import type { JsonValue } from "@purwantara/contract/php-json";
import { authHeader } from "@purwantara/emulator/testing";
import type { CreateResult } from "@/lib/payments/create-payment";
import { callbackBody, callbackRequest } from "@/testing/callbacks";
import type { withGatewayTestbed } from "@/testing/gateway-testbed";

/**
 * What the channels' create tests against the emulator share: reading the
 * emulator's record and inquiry, the gateway's refusal of a field, and a PAID callback.
 */
type Emulator = ReturnType<typeof withGatewayTestbed>["emulator"];
type Row = Record<string, unknown> | undefined;

/** The emulator's own record of a transaction (its /control view). */
export async function remoteTransaction(
  emulator: Emulator,
  uuid: unknown,
): Promise<Record<string, unknown>> {
  const answer = await fetch(emulator.url(`/control/transactions/${String(uuid)}`));
  const { transaction } = (await answer.json()) as { transaction: Record<string, unknown> };
  return transaction;
}

/** The `data` of the gateway's inquiry answer for a channel's payment. */
export async function inquiryData(
  emulator: Emulator,
  module: Pick<ChannelModule, "inquiryPath">,
  uuid: string,
): Promise<Record<string, unknown>> {
  const answer = await fetch(emulator.url(`/v1/${module.inquiryPath!(uuid)}`), {
    headers: authHeader,
  });
  const { data } = (await answer.json()) as { data: Record<string, unknown> };
  return data;
}

/** Expects a create the gateway refused, with its errors beside these form fields. */
export function expectRefusedFields(
  module: Pick<ChannelModule, "gatewayFields">,
  result: CreateResult,
  formFields: string[],
): string[] {
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  const fields = Object.keys(result.error.fields);
  expect(fields.map((f) => module.gatewayFields[f])).toEqual(formFields);
  return fields;
}

/** Sends the row's PAID callback (the contract's example with these fields) and expects it applied. */
export async function payByCallback(row: Row, fields: Record<string, JsonValue>): Promise<void> {
  const body = callbackBody({
    uuid: String(row?.purwantara_uuid),
    external_id: String(row?.external_id),
    status: "PAID",
    ...fields,
  });
  expect(await (await POST(callbackRequest(body))).json()).toEqual({
    ok: true,
    outcome: "applied",
  });
}
