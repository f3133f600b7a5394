import { z } from "zod";
import { toZonedIso, type TimeZone } from "@/lib/core/time";
import type { Transaction } from "@/db/schema";
import {
  futureDateTimeSchema,
  optionalText,
  requiredText,
  rupiahAmountSchema,
  wholeRupiah,
} from "../shared/fields";
import type { GatewayFacts } from "../shared/types";

/**
 * What a closed-amount payment (a virtual account, a counter code) shares, whatever
 * else its channel asks: a name on the bill, a fixed amount, a description and an
 * expiry, sent as `expected_amount`/`expired_at`. Not a channel: a builder two use.
 */

const sharedFormFields = (minAmount: number, zone: TimeZone) => ({
  idempotencyKey: z.uuid("formOutdated"),
  // The buyer's name: shown on the VA in the bank app, checked by the cashier at a till.
  name: requiredText(255, "required"),
  amount: rupiahAmountSchema(minAmount),
  description: optionalText(1000),
  expiresAt: futureDateTimeSchema(zone),
});

/**
 * The form's fields: the key, the channel's `own` fields (a bank, say), then the shared
 * ones, in the order their errors are listed.
 */
export function closedAmountFormFields<O extends z.ZodRawShape>(
  minAmount: number,
  zone: TimeZone,
  own: O,
) {
  const { idempotencyKey, ...rest } = sharedFormFields(minAmount, zone);
  return { idempotencyKey, ...own, ...rest };
}

export type ClosedAmountForm = z.infer<z.ZodObject<ReturnType<typeof sharedFormFields>>>;

/** The row's own fields (its channel adds the bank or payment channel). */
export const closedAmountDraft = (form: ClosedAmountForm, title: string) => ({
  title,
  description: form.description,
  customerName: form.name,
  expiresAt: form.expiresAt,
});

/**
 * The request body in the contract's order: amount and name, the channel's `middle`
 * fields, description, expiry and our reference, then its `tail` fields.
 */
export function closedAmountBody<M extends object, T extends object>(
  form: ClosedAmountForm,
  reference: string,
  title: string,
  middle: M,
  tail: T,
) {
  return {
    expected_amount: Number(form.amount),
    name: form.name,
    ...middle,
    description: form.description ?? title,
    expired_at: toZonedIso(form.expiresAt),
    external_id: reference,
    merchant_trx_id: reference,
    ...tail,
  };
}

/** The gateway's expiry from an answer, when it reads as a time. */
export function answeredExpiry(expiredAt: string | null | undefined): GatewayFacts {
  const expiresAt = expiredAt ? new Date(expiredAt) : null;
  return expiresAt && !Number.isNaN(expiresAt.getTime()) ? { expiresAt } : {};
}

/** The gateway's request field names → the form's, shared by both. */
export const closedAmountGatewayFields = {
  expected_amount: "amount",
  expired_at: "expiresAt",
  name: "name",
  description: "description",
} as const;

/** A payment to make again: the shared fields of its form. */
export const closedAmountPrefill = (row: Transaction) => ({
  name: row.customerName ?? "",
  amount: wholeRupiah(row.amount),
  description: row.description ?? "",
});

/** The inquiry and list paths of a product under /v1/. */
export const closedAmountPaths = (product: string) => ({
  inquiryPath: (uuid: string) => `${product}/inquiry/${encodeURIComponent(uuid)}`,
  listPath: `${product}/list`,
});
