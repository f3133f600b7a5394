import { paymentLinkMinAmount } from "@purwantara/contract";
import { toPurwantaraAmount, toPurwantaraTime } from "../format";
import type { Fields, JsonObject } from "../http";
import type { Transaction } from "../types";
import {
  amountField,
  checked,
  FieldErrors,
  futureDateField,
  stringField,
  urlField,
} from "../validation";
import { callbackEvent, createHandler, newTransaction, notFound, ownTransaction } from "./kit";
import type { ApiContext, ApiResult, ProductModule } from "./types";

/** [seen] `channel_id` in the example payment-link callback. */
const paymentLinkChannelId = 8;
/** The emulator's choice when the request gives no expiry. */
const defaultLifetimeMs = 24 * 60 * 60 * 1000;

/** [seen] where the hosted checkout page of a link lives. */
const sharePrefix = "/share/payment-links";

export function paymentLinkSharePath(uuid: string): string {
  return `${sharePrefix}/${uuid}`;
}

function validate(fields: Fields, now: Date) {
  const errors = new FieldErrors();
  const input = {
    amount: amountField(fields, "amount", errors, paymentLinkMinAmount),
    title: stringField(fields, "title", errors, { required: true, max: 255 }),
    description: stringField(fields, "description", errors, { max: 5000 }),
    expiresAt: futureDateField(fields, "expires_at", errors, now),
    externalId: stringField(fields, "external_id", errors, { max: 255 }),
    returnUrl: urlField(fields, "return_url", errors),
  };
  return checked(errors, input, ["amount", "title"]);
}

type Input = Exclude<ReturnType<typeof validate>, FieldErrors>;

function build(ctx: ApiContext, input: Input): Transaction {
  return newTransaction(ctx, {
    product: "payment-link",
    externalId: input.externalId,
    amount: input.amount,
    title: input.title,
    description: input.description,
    expiresAt: input.expiresAt,
    lifetimeMs: defaultLifetimeMs,
    channel: "QRIS",
    customerPhone: null,
    extra: (uuid) => ({
      return_url: input.returnUrl,
      payment_link_url: ctx.publicUrl() + paymentLinkSharePath(uuid),
    }),
  });
}

/** The API's view of a link; reads add the payment times, creates do not. */
function view(tx: Transaction, withPaymentTimes: boolean): JsonObject {
  const paymentTimes = {
    paid_at: toPurwantaraTime(tx.paidAt),
    settle_at: toPurwantaraTime(tx.settleAt),
  };
  return {
    uuid: tx.uuid,
    external_id: tx.externalId,
    amount: toPurwantaraAmount(tx.amount),
    title: tx.title,
    description: tx.description,
    status: tx.status,
    ...(withPaymentTimes ? paymentTimes : {}),
    expires_at: toPurwantaraTime(tx.expiresAt),
    created_at: toPurwantaraTime(tx.createdAt),
    return_url: tx.extra.return_url ?? null,
    payment_link_url: tx.extra.payment_link_url ?? null,
  };
}

function read(ctx: ApiContext, uuid: string): ApiResult {
  const tx = ownTransaction(ctx, "payment-link", uuid);
  return tx ? { status: 200, data: view(tx, true) } : notFound("Payment link");
}

/** The seen callback, key for key and in the same order. */
function callbackPayload(tx: Transaction): JsonObject {
  return {
    uuid: tx.uuid,
    event: callbackEvent(tx),
    title: tx.title,
    amount: toPurwantaraAmount(tx.amount),
    status: tx.status,
    paid_at: toPurwantaraTime(tx.paidAt),
    settle_at: toPurwantaraTime(tx.settleAt),
    channel_id: paymentLinkChannelId,
    created_at: toPurwantaraTime(tx.createdAt),
    expires_at: toPurwantaraTime(tx.expiresAt),
    return_url: tx.extra.return_url ?? null,
    description: tx.description,
    external_id: tx.externalId,
    payment_link_url: tx.extra.payment_link_url ?? null,
  };
}

export const paymentLink: ProductModule = {
  product: "payment-link",
  label: "Payment link",
  // Nothing is sent to choose a channel: the buyer picks one on the hosted page.
  channels: [],
  routes: [
    {
      method: "POST",
      pattern: /^payment-link$/,
      handler: createHandler({
        product: "payment-link",
        referenceField: "external_id",
        validate,
        build,
        respond: (tx) => view(tx, false),
      }),
    },
    {
      method: "GET",
      pattern: /^payment-link\/([^/]+)$/,
      handler: (ctx, call) => read(ctx, call.params[0] ?? ""),
    },
  ],
  view: (tx) => view(tx, true),
  callbackPayload,
  hostedPagePrefix: sharePrefix,
};
