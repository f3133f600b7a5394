import { randomUUID } from "node:crypto";
import { callbackEventTypes } from "@purwantara/contract";
import { toPurwantaraAmount, toPurwantaraTime } from "../format";
import type { Fields, JsonObject } from "../http";
import type { Route } from "../router";
import type { ProductKey, Transaction } from "../types";
import { FieldErrors } from "../validation";
import type { ApiContext, ApiHandler, ApiResult } from "./types";

/** The shared steps of every product module: create, inquiry, list, and the common fields. */

export function invalid(errors: FieldErrors): ApiResult {
  return {
    status: 422,
    code: "VALIDATION_ERROR",
    message: "The given data was invalid.",
    fields: errors.fields,
  };
}

export function notFound(noun: string): ApiResult {
  return { status: 404, code: "NOT_FOUND", message: `${noun} not found.` };
}

/** A product-specific field, or null. */
export function extra(tx: Transaction, key: string): string | null {
  return tx.extra[key] ?? null;
}

export interface NewTransaction {
  product: ProductKey;
  externalId: string | null;
  amount: string;
  title: string;
  description: string | null;
  /** UTC ISO; when null, `lifetimeMs` from now. */
  expiresAt: string | null;
  lifetimeMs: number;
  /** What callbacks report as `event.channel` until a payment says otherwise. */
  channel: string;
  customerPhone: string | null;
  extra?: (uuid: string) => Record<string, string | null>;
}

export function newTransaction(ctx: ApiContext, input: NewTransaction): Transaction {
  const now = ctx.now();
  const uuid = randomUUID();
  return {
    uuid,
    product: input.product,
    externalId: input.externalId,
    amount: input.amount,
    title: input.title,
    description: input.description,
    status: "ACTIVE",
    createdAt: now.toISOString(),
    expiresAt: input.expiresAt ?? new Date(now.getTime() + input.lifetimeMs).toISOString(),
    paidAt: null,
    settleAt: null,
    paidWith: { channel: input.channel, customerPhone: input.customerPhone },
    extra: input.extra?.(uuid) ?? {},
  };
}

export interface CreateSpec<I> {
  product: ProductKey;
  /** The request field holding the merchant reference, unique per product. */
  referenceField: string;
  validate(fields: Fields, now: Date): I | FieldErrors;
  build(ctx: ApiContext, input: I): Transaction;
  /** The create answer's `data`. */
  respond(tx: Transaction): JsonObject;
}

/** Validate (422), refuse a reused reference (409), store, answer 201. */
export function createHandler<I>(spec: CreateSpec<I>): ApiHandler {
  return (ctx, { fields }) => {
    const input = spec.validate(fields, ctx.now());
    if (input instanceof FieldErrors) return invalid(input);
    const tx = spec.build(ctx, input);
    if (tx.externalId !== null && ctx.store.findByExternalId(spec.product, tx.externalId)) {
      const name = spec.referenceField.replace(/_/g, " ");
      return {
        status: 409,
        code: "DUPLICATE_EXTERNAL_ID",
        message: `The ${name} has already been taken.`,
      };
    }
    ctx.store.putTransaction(tx);
    return { status: 201, data: spec.respond(tx) };
  };
}

export function ownTransaction(
  ctx: ApiContext,
  product: ProductKey,
  uuid: string,
): Transaction | undefined {
  const tx = ctx.store.getTransaction(uuid);
  return tx?.product === product ? tx : undefined;
}

/** `GET <prefix>/inquiry/{uuid}`. */
export function inquiryRoute(
  prefix: string,
  product: ProductKey,
  noun: string,
  view: (tx: Transaction) => JsonObject,
): Route<ApiHandler> {
  return {
    method: "GET",
    pattern: new RegExp(`^${prefix}/inquiry/([^/]+)$`),
    handler: (ctx, call) => {
      const tx = ownTransaction(ctx, product, call.params[0] ?? "");
      return tx ? { status: 200, data: view(tx) } : notFound(noun);
    },
  };
}

/** `GET <prefix>/list`: [chosen] `data` is an array of inquiry views, newest first. */
export function listRoute(
  prefix: string,
  product: ProductKey,
  view: (tx: Transaction) => JsonObject,
): Route<ApiHandler> {
  return {
    method: "GET",
    pattern: new RegExp(`^${prefix}/list$`),
    handler: (ctx) => {
      const own = ctx.store.listTransactions().filter((tx) => tx.product === product);
      return { status: 200, data: own.map(view) };
    },
  };
}

/** [chosen] `event` as in the seen payment-link callback: the payer's phone, product, channel. */
export function callbackEvent(tx: Transaction): JsonObject {
  return {
    meta: { customer_phone: tx.paidWith.customerPhone },
    type: callbackEventTypes[tx.product],
    channel: tx.paidWith.channel,
  };
}

export function amountAndStatus(tx: Transaction): JsonObject {
  return { amount: toPurwantaraAmount(tx.amount), status: tx.status };
}

/** Amount, status and payment times, as every callback carries them. */
export function callbackState(tx: Transaction): JsonObject {
  return {
    ...amountAndStatus(tx),
    paid_at: toPurwantaraTime(tx.paidAt),
    settle_at: toPurwantaraTime(tx.settleAt),
  };
}

/** [chosen] what inquiries add to a create answer: payment and creation times. */
export function inquiryTimes(tx: Transaction): JsonObject {
  return {
    paid_at: toPurwantaraTime(tx.paidAt),
    settle_at: toPurwantaraTime(tx.settleAt),
    created_at: toPurwantaraTime(tx.createdAt),
  };
}

/**
 * E-wallets have no inquiry endpoint: `view` is what the test controls and the
 * simulator show; the callback is the same fields plus the event.
 */
export function walletViews(details: (tx: Transaction) => JsonObject) {
  return {
    view: (tx: Transaction): JsonObject => ({
      uuid: tx.uuid,
      external_id: tx.externalId,
      ...callbackState(tx),
      ...details(tx),
    }),
    callbackPayload: (tx: Transaction): JsonObject => ({
      uuid: tx.uuid,
      event: callbackEvent(tx),
      external_id: tx.externalId,
      ...callbackState(tx),
      ...details(tx),
    }),
  };
}
