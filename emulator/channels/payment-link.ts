import { callbackEventTypes, paymentLinkMinAmount } from "../../lib/purwantara/contract";
import { randomUUID } from "node:crypto";
import { toPurwantaraAmount, toPurwantaraTime } from "../format";
import type { Fields, JsonObject } from "../http";
import type { Transaction } from "../types";
import { amountField, FieldErrors, futureDateField, stringField, urlField } from "../validation";
import type { ApiContext, ApiResult, ProductModule } from "./types";

/** [seen] `channel_id` in the example payment-link callback. */
const paymentLinkChannelId = 8;
/** The emulator's choice when the request gives no expiry. */
const defaultLifetimeMs = 24 * 60 * 60 * 1000;

/** [seen] where the hosted checkout page of a link lives. */
export function paymentLinkSharePath(uuid: string): string {
  return `/share/payment-links/${uuid}`;
}

interface CreateInput {
  amount: string;
  title: string;
  description: string | null;
  expiresAt: string | null;
  externalId: string | null;
  returnUrl: string | null;
}

function validate(fields: Fields, now: Date): CreateInput | FieldErrors {
  const errors = new FieldErrors();
  const input = {
    amount: amountField(fields, "amount", errors, paymentLinkMinAmount),
    title: stringField(fields, "title", errors, { required: true, max: 255 }),
    description: stringField(fields, "description", errors, { max: 5000 }),
    expiresAt: futureDateField(fields, "expires_at", errors, now),
    externalId: stringField(fields, "external_id", errors, { max: 255 }),
    returnUrl: urlField(fields, "return_url", errors),
  };
  if (!errors.empty || input.amount === null || input.title === null) return errors;
  return { ...input, amount: input.amount, title: input.title };
}

function build(ctx: ApiContext, input: CreateInput): Transaction {
  const now = ctx.now();
  const uuid = randomUUID();
  return {
    uuid,
    product: "payment-link",
    externalId: input.externalId,
    amount: input.amount,
    title: input.title,
    description: input.description,
    status: "ACTIVE",
    createdAt: now.toISOString(),
    expiresAt: input.expiresAt ?? new Date(now.getTime() + defaultLifetimeMs).toISOString(),
    paidAt: null,
    settleAt: null,
    paidWith: { channel: "QRIS", customerPhone: null },
    extra: {
      return_url: input.returnUrl,
      payment_link_url: ctx.publicUrl() + paymentLinkSharePath(uuid),
    },
  };
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

function create(ctx: ApiContext, fields: Fields): ApiResult {
  const input = validate(fields, ctx.now());
  if (input instanceof FieldErrors) {
    return {
      status: 422,
      code: "VALIDATION_ERROR",
      message: "The given data was invalid.",
      fields: input.fields,
    };
  }
  if (input.externalId !== null && ctx.store.findByExternalId("payment-link", input.externalId)) {
    return {
      status: 409,
      code: "DUPLICATE_EXTERNAL_ID",
      message: "The external id has already been taken.",
    };
  }
  const tx = build(ctx, input);
  ctx.store.putTransaction(tx);
  return { status: 201, data: view(tx, false) };
}

function read(ctx: ApiContext, uuid: string): ApiResult {
  const tx = ctx.store.getTransaction(uuid);
  if (!tx || tx.product !== "payment-link") {
    return { status: 404, code: "NOT_FOUND", message: "Payment link not found." };
  }
  return { status: 200, data: view(tx, true) };
}

/** The seen callback, key for key and in the same order. */
function callbackPayload(tx: Transaction): JsonObject {
  return {
    uuid: tx.uuid,
    event: {
      meta: { customer_phone: tx.paidWith.customerPhone },
      type: callbackEventTypes["payment-link"],
      channel: tx.paidWith.channel,
    },
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
  routes: [
    { method: "POST", pattern: /^payment-link$/, handler: (ctx, call) => create(ctx, call.fields) },
    {
      method: "GET",
      pattern: /^payment-link\/([^/]+)$/,
      handler: (ctx, call) => read(ctx, call.params[0] ?? ""),
    },
  ],
  view: (tx) => view(tx, true),
  callbackPayload,
};
