import "server-only";
import { randomBytes } from "node:crypto";
import {
  insertCreatingTransaction,
  absorbStrayTransaction,
  insertTransactionEvent,
  updateTransaction,
  withLockedTransaction,
} from "@/db/queries/transactions";
import type { Transaction } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { getPurwantaraClient } from "@/lib/purwantara";
import { PurwantaraError } from "@/lib/purwantara/errors";
import type { PaymentLinkData } from "@/lib/purwantara/payment-link";
import { decideTransition, pendingStates, stateForStatus } from "./lifecycle";
import { decimalFromRupiah } from "@/lib/money";
import type { PaymentLinkForm } from "./schemas/payment-link";
import { toZonedIso } from "@/lib/time";

export type CreateResult =
  | { ok: true; transaction: Transaction; repeated: boolean }
  | { ok: false; transaction: Transaction; error: PurwantaraError };

/** Our reference, sent as external_id before Purwantara's uuid is known. */
export function newExternalId(): string {
  return `PWD-${randomBytes(10).toString("hex").toUpperCase()}`;
}

/**
 * Creates a payment link: the row is stored (state `creating`) before Purwantara is
 * called, then completed with its answer or marked with its error. A repeated submit
 * of the same form returns the first attempt's row and calls nobody.
 */
export async function createPaymentLink(
  form: PaymentLinkForm,
  user: CurrentUser,
): Promise<CreateResult> {
  const { mode } = getEnv().gateway;
  const { transaction, created } = await insertCreatingTransaction({
    mode,
    channel: "payment-link",
    externalId: newExternalId(),
    idempotencyKey: form.idempotencyKey,
    title: form.title,
    description: form.description,
    amount: decimalFromRupiah(form.amount),
    returnUrl: form.returnUrl,
    expiresAt: form.expiresAt,
    createdBy: user.id,
  });
  if (!created) return { ok: true, transaction, repeated: true };

  try {
    const result = await getPurwantaraClient().createPaymentLink({
      amount: Number(form.amount),
      title: form.title,
      description: form.description ?? form.title,
      expires_at: toZonedIso(form.expiresAt),
      external_id: transaction.externalId ?? "",
      ...(form.returnUrl ? { return_url: form.returnUrl } : {}),
    });
    return {
      ok: true,
      transaction: await recordCreated(transaction.id, result.data, result.body),
      repeated: false,
    };
  } catch (error) {
    if (!(error instanceof PurwantaraError)) throw error;
    return { ok: false, transaction: await recordFailed(transaction.id, error), error };
  }
}

async function recordCreated(
  id: string,
  data: PaymentLinkData,
  body: unknown,
): Promise<Transaction> {
  return withLockedTransaction(id, async (tx, row) => {
    // A callback may have moved the row on already; only a row still being created takes the create answer's status.
    const stillCreating = pendingStates.includes(row.state);
    let state = stillCreating ? (stateForStatus(data.status) ?? "active") : row.state;
    let rawStatus = stillCreating ? data.status : row.rawStatus;
    // A callback without our external_id may have beaten this answer and made a row of its own.
    const stray = await absorbStrayTransaction(tx, id, data.uuid);
    const strayMove = stray?.rawStatus ? decideTransition(state, stray.rawStatus) : null;
    if (stray && strayMove?.kind === "advance") {
      state = strayMove.to;
      rawStatus = stray.rawStatus;
    }
    const updated = await updateTransaction(tx, id, {
      purwantaraUuid: data.uuid,
      paymentLinkUrl: data.payment_link_url,
      lastResponse: body,
      state,
      rawStatus,
      paidAt: row.paidAt ?? stray?.paidAt ?? null,
      settledAt: row.settledAt ?? stray?.settledAt ?? null,
      ...(data.expires_at ? { expiresAt: new Date(data.expires_at) } : {}),
    });
    if (stillCreating) {
      await insertTransactionEvent(tx, {
        transactionId: id,
        source: "api",
        fromState: row.state,
        toState: state,
        rawStatus: data.status,
        note: "created at Purwantara",
      });
    }
    return updated;
  });
}

async function recordFailed(id: string, error: PurwantaraError): Promise<Transaction> {
  return withLockedTransaction(id, async (tx, row) => {
    if (row.state !== "creating") return row;
    const state = error.outcomeUnknown ? "unconfirmed" : "failed_to_create";
    const reason = error.message.replace(/\.$/, "");
    const note = error.outcomeUnknown
      ? `No clear answer from Purwantara (${reason}); it may still have created the payment`
      : `Purwantara refused: ${reason}`;
    const updated = await updateTransaction(tx, id, {
      state,
      errorCode: error.code ?? error.kind.toUpperCase(),
      errorMessage: note,
      errorFields: Object.keys(error.fields).length ? error.fields : null,
      lastResponse: error.responseBody ?? { error: error.kind, status: error.httpStatus },
    });
    await insertTransactionEvent(tx, {
      transactionId: id,
      source: "api",
      fromState: "creating",
      toState: state,
      note,
    });
    return updated;
  });
}
