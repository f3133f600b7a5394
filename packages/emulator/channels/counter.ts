import { toPurwantaraTime } from "../format";
import type { Fields, JsonObject } from "../http";
import type { Transaction } from "../types";
import { amountField, checked, FieldErrors, futureDateField, stringField } from "../validation";
import { enumField } from "../validation-formats";
import { randomDigits } from "./banks";
import {
  amountAndStatus,
  callbackEvent,
  callbackState,
  createHandler,
  extra,
  inquiryRoute,
  inquiryTimes,
  listRoute,
  newTransaction,
} from "./kit";
import type { ApiContext, ProductModule } from "./types";

/** [chosen] Alfamart's usual floor for a bill payment, whole rupiah. */
const minAmount = 10_000;
/** [chosen] When the request gives no `expired_at`. */
const defaultLifetimeMs = 24 * 60 * 60 * 1000;
/** [chosen] The code the buyer reads out at the till: this prefix and 10 digits. */
const paymentCodePrefix = "PWT";

function validate(fields: Fields, now: Date) {
  const errors = new FieldErrors();
  const input = {
    amount: amountField(fields, "expected_amount", errors, minAmount),
    name: stringField(fields, "name", errors, { required: true, max: 255 }),
    description: stringField(fields, "description", errors, { max: 5000 }),
    expiresAt: futureDateField(fields, "expired_at", errors, now),
    externalId: stringField(fields, "external_id", errors, { required: true, max: 255 }),
    merchantTrxId: stringField(fields, "merchant_trx_id", errors, { max: 255 }),
    // [seen] the only counter channel.
    channel: enumField(fields, "payment_channel", errors, ["Alfamart"], { required: true }),
  };
  return checked(errors, input, ["amount", "name", "externalId", "channel"]);
}

type Input = Exclude<ReturnType<typeof validate>, FieldErrors>;

function build(ctx: ApiContext, input: Input): Transaction {
  return newTransaction(ctx, {
    product: "counter",
    externalId: input.externalId,
    amount: input.amount,
    title: input.name,
    description: input.description,
    expiresAt: input.expiresAt,
    lifetimeMs: defaultLifetimeMs,
    // [chosen] event.channel for counter payments.
    channel: "ALFAMART",
    customerPhone: null,
    extra: () => ({
      name: input.name,
      payment_channel: input.channel,
      payment_code: paymentCodePrefix + randomDigits(10),
      merchant_trx_id: input.merchantTrxId,
    }),
  });
}

/** [seen] `uuid`; [chosen] the code to pay with and where. */
function created(tx: Transaction): JsonObject {
  return {
    uuid: tx.uuid,
    payment_code: extra(tx, "payment_code"),
    payment_channel: extra(tx, "payment_channel"),
  };
}

function details(tx: Transaction): JsonObject {
  return {
    external_id: tx.externalId,
    merchant_trx_id: extra(tx, "merchant_trx_id"),
    name: extra(tx, "name"),
    description: tx.description,
    expired_at: toPurwantaraTime(tx.expiresAt),
  };
}

/** [chosen] inquiry and list: the create answer plus the request's fields and the times. */
function view(tx: Transaction): JsonObject {
  return { ...created(tx), ...details(tx), ...amountAndStatus(tx), ...inquiryTimes(tx) };
}

function callbackPayload(tx: Transaction): JsonObject {
  return {
    uuid: tx.uuid,
    event: callbackEvent(tx),
    ...details(tx),
    ...callbackState(tx),
    payment_code: extra(tx, "payment_code"),
    payment_channel: extra(tx, "payment_channel"),
    created_at: toPurwantaraTime(tx.createdAt),
  };
}

export const counter: ProductModule = {
  product: "counter",
  label: "Counter",
  channels: [{ code: "Alfamart", name: "Alfamart" }],
  routes: [
    {
      method: "POST",
      pattern: /^counter$/,
      handler: createHandler({
        product: "counter",
        referenceField: "external_id",
        validate,
        build,
        respond: created,
      }),
    },
    listRoute("counter", "counter", view),
    inquiryRoute("counter", "counter", "Counter payment", view),
  ],
  view,
  callbackPayload,
  detail: (tx) =>
    `${extra(tx, "payment_channel") ?? "?"} ${extra(tx, "payment_code") ?? ""}`.trim(),
};
