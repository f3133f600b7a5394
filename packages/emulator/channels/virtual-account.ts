import { toPurwantaraAmount, toPurwantaraTime } from "../format";
import type { Fields, JsonObject } from "../http";
import { applyTransition } from "../lifecycle";
import type { Transaction } from "../types";
import { amountField, checked, FieldErrors, futureDateField, stringField } from "../validation";
import { digitsField, enumField } from "../validation-formats";
import { maxPaymentCodeDigits, vaBankCodes, vaBanks, vaNumber } from "./banks";
import {
  callbackEvent,
  callbackState,
  createHandler,
  extra,
  inquiryRoute,
  inquiryTimes,
  listRoute,
  newTransaction,
  notFound,
  ownTransaction,
} from "./kit";
import type { ApiContext, ApiResult, ProductModule } from "./types";

/** [chosen] Banks' usual floor for a closed-amount VA, whole rupiah. */
const minAmount = 10_000;
/** [chosen] When the request gives no `expired_at`. */
const defaultLifetimeMs = 24 * 60 * 60 * 1000;
/** [chosen] The merchant bears the fee, so the buyer transfers `amount` and `total` equals it. */
const feeChargedTo = "merchant";

function validate(fields: Fields, now: Date) {
  const errors = new FieldErrors();
  const input = {
    amount: amountField(fields, "expected_amount", errors, minAmount),
    name: stringField(fields, "name", errors, { required: true, max: 255 }),
    bank: enumField(fields, "bank", errors, vaBankCodes, { required: true }),
    description: stringField(fields, "description", errors, { max: 5000 }),
    expiresAt: futureDateField(fields, "expired_at", errors, now),
    externalId: stringField(fields, "external_id", errors, { required: true, max: 255 }),
    merchantTrxId: stringField(fields, "merchant_trx_id", errors, { max: 255 }),
    paymentCode: digitsField(fields, "payment_code", errors, maxPaymentCodeDigits),
  };
  return checked(errors, input, ["amount", "name", "bank", "externalId"]);
}

type Input = Exclude<ReturnType<typeof validate>, FieldErrors>;

function build(ctx: ApiContext, input: Input): Transaction {
  return newTransaction(ctx, {
    product: "virtual-account",
    externalId: input.externalId,
    amount: input.amount,
    title: input.name,
    description: input.description,
    expiresAt: input.expiresAt,
    lifetimeMs: defaultLifetimeMs,
    channel: input.bank,
    customerPhone: null,
    extra: () => ({
      bank: input.bank,
      name: input.name,
      va_number: vaNumber(input.bank, input.paymentCode),
      payment_code: input.paymentCode,
      fee: vaBanks[input.bank].fee,
      fee_charged_to: feeChargedTo,
      merchant_trx_id: input.merchantTrxId,
    }),
  });
}

function money(tx: Transaction): JsonObject {
  return {
    amount: toPurwantaraAmount(tx.amount),
    fee: toPurwantaraAmount(extra(tx, "fee") ?? "0"),
    // [chosen] what the buyer transfers: the fee is the merchant's, so the amount itself.
    total: toPurwantaraAmount(tx.amount),
    fee_charged_to: extra(tx, "fee_charged_to"),
  };
}

/** [seen] the create answer, key for key. */
function created(tx: Transaction): JsonObject {
  return {
    uuid: tx.uuid,
    external_id: tx.externalId,
    name: extra(tx, "name"),
    ...money(tx),
    va_number: extra(tx, "va_number"),
    description: tx.description,
    expired_at: toPurwantaraTime(tx.expiresAt),
    payment_code: extra(tx, "payment_code"),
    status: tx.status,
  };
}

/** [seen] inquiry adds `bank`; [chosen] and the payment times. */
function view(tx: Transaction): JsonObject {
  return { ...created(tx), bank: extra(tx, "bank"), ...inquiryTimes(tx) };
}

/** [seen] the cancel answer's fields; the message is [chosen]. */
function cancel(ctx: ApiContext, uuid: string): ApiResult {
  const tx = ownTransaction(ctx, "virtual-account", uuid);
  if (!tx) return notFound("Virtual account");
  // Cancelling twice answers the same, so a client may retry a cancel it never heard back from.
  if (tx.status !== "CANCELLED") {
    const result = applyTransition(ctx, uuid, "cancel");
    if (!result.ok) return { status: 422, code: "VALIDATION_ERROR", message: result.message };
  }
  return {
    status: 200,
    data: {
      uuid: tx.uuid,
      external_id: tx.externalId,
      va_number: extra(tx, "va_number"),
      message: "Virtual account cancelled.",
    },
  };
}

function callbackPayload(tx: Transaction): JsonObject {
  return {
    uuid: tx.uuid,
    event: callbackEvent(tx),
    external_id: tx.externalId,
    merchant_trx_id: extra(tx, "merchant_trx_id"),
    name: extra(tx, "name"),
    bank: extra(tx, "bank"),
    va_number: extra(tx, "va_number"),
    payment_code: extra(tx, "payment_code"),
    // amount, status, paid_at, settle_at, then fee, total, fee_charged_to
    ...callbackState(tx),
    ...money(tx),
    description: tx.description,
    created_at: toPurwantaraTime(tx.createdAt),
    expired_at: toPurwantaraTime(tx.expiresAt),
  };
}

export const virtualAccount: ProductModule = {
  product: "virtual-account",
  label: "Virtual account",
  channels: vaBankCodes.map((code) => ({ code, name: vaBanks[code].name })),
  routes: [
    {
      method: "POST",
      pattern: /^virtual-account$/,
      handler: createHandler({
        product: "virtual-account",
        referenceField: "external_id",
        validate,
        build,
        respond: created,
      }),
    },
    listRoute("virtual-account", "virtual-account", view),
    inquiryRoute("virtual-account", "virtual-account", "Virtual account", view),
    {
      method: "POST",
      pattern: /^virtual-account\/cancel\/([^/]+)$/,
      handler: (ctx, call) => cancel(ctx, call.params[0] ?? ""),
    },
  ],
  view,
  callbackPayload,
  detail: (tx) => `${extra(tx, "bank") ?? "?"} ${extra(tx, "va_number") ?? ""}`.trim(),
};
