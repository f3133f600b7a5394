import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import {
  insertCreatingTransaction,
  absorbStrayTransaction,
  getTransaction,
  insertTransactionEvent,
  updateTransaction,
  withLockedTransaction,
} from "@/db/queries/transactions";
import type { Transaction } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/session";
import { actingMode, gatewayConfig } from "@/lib/gateway/config";
import { getPurwantaraClient, missingCredentials } from "@/lib/purwantara";
import { PurwantaraError } from "@/lib/purwantara/errors";
import type { BaseForm, ChannelModule, CreatedPayment } from "@/channels/shared/types";
import { decimalFromRupiah } from "@/lib/core/money";
import { pendingStates } from "@/lib/core/payment-states";
import { queueRelayDispatch } from "@/lib/jobs/enqueue";
import { createdEvent, emitPaymentEvents, stateChangeEvents } from "@/lib/relay/emit";
import { applySync } from "./apply-sync";
import { isPaidState } from "./double-payments";
import { decideTransition, stateForStatus } from "./lifecycle";

export type CreateResult =
  | { ok: true; transaction: Transaction; repeated: boolean }
  | { ok: false; transaction: Transaction; error: PurwantaraError };

/** Our reference, sent as external_id before Purwantara's uuid is known. */
export function newExternalId(): string {
  return `PWD-${randomBytes(10).toString("hex").toUpperCase()}`;
}

/**
 * Creates a payment on any channel: the row is stored (state `creating`) before
 * Purwantara is called, then completed with its answer or marked with its error. A
 * repeated submit of the same form returns the first attempt's row and calls nobody.
 * The channel module says what to store, what to send and how to read the answer.
 */
export async function createPayment<F extends BaseForm>(
  module: ChannelModule<F>,
  form: F,
  user: CurrentUser,
  /** Unticked on the form: no emailed receipt for this payment (lib/notices/scan.ts). */
  options: { emailReceipt?: boolean } = {},
): Promise<CreateResult> {
  const mode = await actingMode(user);
  // Nothing is stored when the mode has no credentials: there is no attempt to record.
  if (!(await gatewayConfig(mode))) throw missingCredentials(mode);
  const { transaction, created } = await insertCreatingTransaction({
    mode,
    channel: module.channel,
    externalId: newExternalId(),
    idempotencyKey: form.idempotencyKey,
    amount: decimalFromRupiah(form.amount),
    createdBy: user.id,
    emailReceipt: options.emailReceipt ?? true,
    ...module.draft(form),
  });
  if (!created) return { ok: true, transaction, repeated: true };

  try {
    const { path, body } = module.createRequest(form, transaction.externalId ?? "");
    const result = await (
      await getPurwantaraClient(mode, { trigger: "create", transactionId: transaction.id })
    ).post(path, createdSchema(module), body);
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

/** The module's reading of an answer, as a schema the client can check the envelope with. */
export function createdSchema(module: Pick<ChannelModule, "readCreated">) {
  return z.unknown().transform((data, ctx) => {
    const read = module.readCreated(data);
    if (!read) ctx.addIssue({ code: "custom", message: "unexpected data" });
    return read ?? z.NEVER;
  });
}

/**
 * Completes a row with the gateway's account of it: the create answer (source `api`),
 * or what "Check status" learned about a row whose create got no clear answer (`sync`).
 */
export async function recordCreated(
  id: string,
  data: CreatedPayment,
  body: unknown,
  source: "api" | "sync" = "api",
): Promise<Transaction> {
  let relayed = 0;
  const updated = await withLockedTransaction(id, async (tx, row) => {
    // A callback may have moved the row on already; only a row still being created takes the create answer's status.
    const stillCreating = pendingStates.includes(row.state);
    const answered = stateForStatus(data.status) ?? "active";
    // Found already paid: created here, then paid by the status check's rules (applySync below).
    let state = stillCreating ? (isPaidState(answered) ? "active" : answered) : row.state;
    let rawStatus = stillCreating ? data.status : row.rawStatus;
    // A callback without our external_id may have beaten this answer and made a row of its own.
    const stray = await absorbStrayTransaction(tx, id, data.uuid);
    const strayMove = stray?.rawStatus ? decideTransition(state, stray.rawStatus) : null;
    if (stray && strayMove?.kind === "advance") {
      state = strayMove.to;
      rawStatus = stray.rawStatus;
    }
    const updated = await updateTransaction(tx, id, {
      ...data.facts,
      purwantaraUuid: data.uuid,
      lastResponse: body,
      state,
      rawStatus,
      paidAt: row.paidAt ?? stray?.paidAt ?? null,
      settledAt: row.settledAt ?? stray?.settledAt ?? null,
    });
    if (stillCreating) {
      await insertTransactionEvent(tx, {
        transactionId: id,
        source,
        fromState: row.state,
        toState: state,
        rawStatus: data.status,
        note: source === "api" ? "created at Purwantara" : "found at Purwantara by a status check",
      });
      // Other systems hear of it in the same transaction: created, and paid if it already is.
      const events = [
        createdEvent(updated),
        ...stateChangeEvents(updated, { from: row.state, to: state }),
      ];
      relayed = (await emitPaymentEvents(tx, events)).length;
    }
    return updated;
  });
  if (relayed > 0) await queueRelayDispatch();
  return payIfAnsweredPaid(updated, data);
}

/**
 * A create answer or a status check that finds a payment already paid: its paid step
 * goes through `applySync`, so it gets a paid time and its doubles like any other.
 */
async function payIfAnsweredPaid(row: Transaction, data: CreatedPayment): Promise<Transaction> {
  const answered = stateForStatus(data.status);
  if (!answered || !isPaidState(answered) || !row.purwantaraUuid) return row;
  const { moved, relayIds } = await applySync(
    { ...row, purwantaraUuid: row.purwantaraUuid },
    data,
    "found paid at Purwantara",
  );
  if (relayIds.length > 0) await queueRelayDispatch();
  return moved ? ((await getTransaction(row.id, row.mode)) ?? row) : row;
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
