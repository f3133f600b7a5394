import { toPurwantaraAmount, toPurwantaraTime } from "../format";
import type { Fields, JsonObject } from "../http";
import type { Transaction } from "../types";
import { amountField, checked, FieldErrors, stringField } from "../validation";
import { emailField, enumField, phoneField } from "../validation-formats";
import {
  callbackEvent,
  callbackState,
  createHandler,
  extra,
  inquiryRoute,
  inquiryTimes,
  listRoute,
  newTransaction,
} from "./kit";
import { qrisPayload, type QrisAcquirer } from "./qris-payload";
import type { ApiContext, ProductModule } from "./types";

/**
 * The QRIS channels [seen: the codes]; [chosen] their acquirers, as `event.channel`
 * reports them, with each acquirer's QR id and NNS code.
 */
const qrisChannels = {
  qris_doku: { name: "QRIS via DOKU", channel: "DOKU", guid: "ID.CO.DOKU.WWW", nns: "93600899" },
  shopeepay: {
    name: "QRIS via ShopeePay",
    channel: "SHOPEEPAY",
    guid: "ID.CO.SHOPEE.WWW",
    nns: "93600918",
  },
  qrisdana: { name: "QRIS via DANA", channel: "DANA", guid: "ID.DANA.WWW", nns: "93600915" },
} as const satisfies Record<string, QrisAcquirer & { name: string; channel: string }>;

type QrisChannel = keyof typeof qrisChannels;
const qrisChannelCodes = Object.keys(qrisChannels) as QrisChannel[];

/** [chosen] A common gateway floor, and Bank Indonesia's per-payment QRIS cap. */
const minAmount = 1_000;
const maxAmount = 10_000_000;
/** [chosen] How long a dynamic QR stays payable (`expired_time`). */
const lifetimeMs = 30 * 60 * 1000;
const sharePrefix = "/share/qris";

function validate(fields: Fields) {
  const errors = new FieldErrors();
  const input = {
    amount: amountField(fields, "amount", errors, minAmount, maxAmount),
    description: stringField(fields, "transaction_description", errors, { max: 255 }),
    email: emailField(fields, "customer_email", errors),
    firstName: stringField(fields, "customer_first_name", errors, { max: 255 }),
    lastName: stringField(fields, "customer_last_name", errors, { max: 255 }),
    phone: phoneField(fields, "customer_phone", errors),
    channel: enumField(fields, "payment_channel", errors, qrisChannelCodes, { required: true }),
    method: enumField(fields, "payment_method", errors, ["wallet"], { required: true }),
    orderId: stringField(fields, "order_id", errors, { required: true, max: 255 }),
    merchantTrxId: stringField(fields, "merchant_trx_id", errors, { max: 255 }),
  };
  return checked(errors, input, ["amount", "channel", "method", "orderId"]);
}

type Input = Exclude<ReturnType<typeof validate>, FieldErrors>;

function build(ctx: ApiContext, input: Input): Transaction {
  const acquirer = qrisChannels[input.channel];
  return newTransaction(ctx, {
    product: "qris",
    externalId: input.orderId,
    amount: input.amount,
    title: input.description ?? `QRIS ${input.orderId}`,
    description: input.description,
    expiresAt: null,
    lifetimeMs,
    channel: acquirer.channel,
    customerPhone: input.phone,
    extra: (uuid) => ({
      payment_channel: input.channel,
      payment_method: input.method,
      merchant_trx_id: input.merchantTrxId,
      customer_email: input.email,
      customer_first_name: input.firstName,
      customer_last_name: input.lastName,
      customer_phone: input.phone,
      qr_string: qrisPayload({ acquirer, amount: input.amount, reference: input.orderId }),
      qr_url: `${ctx.publicUrl()}${sharePrefix}/${uuid}/qr.svg`,
    }),
  });
}

/** [seen] the create answer, key for key; `external_id` is the request's `order_id`. */
function created(tx: Transaction): JsonObject {
  return {
    uuid: tx.uuid,
    external_id: tx.externalId,
    qr_string: extra(tx, "qr_string"),
    qr_url: extra(tx, "qr_url"),
    expired_time: toPurwantaraTime(tx.expiresAt),
    status: tx.status,
  };
}

function details(tx: Transaction): JsonObject {
  return {
    payment_channel: extra(tx, "payment_channel"),
    transaction_description: tx.description,
    merchant_trx_id: extra(tx, "merchant_trx_id"),
  };
}

/** [chosen] inquiries add the amount, the request's details and the times. */
function view(tx: Transaction): JsonObject {
  const amount = toPurwantaraAmount(tx.amount);
  return { ...created(tx), amount, ...details(tx), ...inquiryTimes(tx) };
}

function callbackPayload(tx: Transaction): JsonObject {
  return {
    uuid: tx.uuid,
    event: callbackEvent(tx),
    external_id: tx.externalId,
    ...callbackState(tx),
    ...details(tx),
    qr_string: extra(tx, "qr_string"),
    qr_url: extra(tx, "qr_url"),
    expired_time: toPurwantaraTime(tx.expiresAt),
    created_at: toPurwantaraTime(tx.createdAt),
  };
}

export const qris: ProductModule = {
  product: "qris",
  label: "QRIS",
  channels: qrisChannelCodes.map((code) => ({ code, name: qrisChannels[code].name })),
  routes: [
    {
      method: "POST",
      pattern: /^qris$/,
      handler: createHandler({
        product: "qris",
        referenceField: "order_id",
        validate,
        build,
        respond: created,
      }),
    },
    listRoute("qris", "qris", view),
    inquiryRoute("qris", "qris", "QRIS transaction", view),
  ],
  view,
  callbackPayload,
  detail: (tx) => extra(tx, "payment_channel"),
  hostedPagePrefix: sharePrefix,
};
