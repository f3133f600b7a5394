import "server-only";
import { getDb } from "@/db/client";
import {
  decideRefundRow,
  getRefund,
  insertRefund,
  lockRefundDay,
  lockTransactionForRefund,
  sumRefundsByState,
  type LockedPayment,
} from "@/db/queries/refunds";
import { getReconciliationDay } from "@/db/queries/reconciliation-days";
import type { Refund, Transaction, TransactionState } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { addDecimals, decimalFromRupiah, subtractDecimals } from "@/lib/core/money";
import type { GatewayMode } from "@purwantara/contract";
import { insertRefundProof } from "@/db/queries/refund-proofs";
import type { RefundProof } from "./refund-proof";
import type { RefundRequestInput } from "./refund-schema";
import { queueRelayDispatch } from "@/lib/jobs/enqueue";
import { emitPaymentEvents, refundEvent } from "@/lib/relay/emit";
import type { DbOrTx } from "@/db/client";

/** Only money that came in can go back. */
export const refundableStates: readonly TransactionState[] = ["paid", "settled"];

/** Why a refund step did not happen; each has a sentence in `refunds.errors`. */
export type RefundRefusal =
  "notFound" | "notPaid" | "tooMuch" | "ownRequest" | "notWaiting" | "dayClosed";
export type RefundResult =
  { ok: true; id: string } | { ok: false; reason: RefundRefusal; left?: string };

type Person = { id: string };

/** What the buyer paid: the amount Purwantara confirmed, else ours. */
export function grossOf(payment: Pick<LockedPayment, "amount" | "confirmedAmount">): string {
  return payment.confirmedAmount ?? payment.amount;
}

/** A payment's refund figures: every one exact, as decimal strings. */
export type RefundFigures = {
  gross: string;
  /** Approved refunds: they count. */
  refunded: string;
  /** Requested, waiting for a second person: not counted yet, but reserved. */
  waiting: string;
  /** Gross minus approved refunds. */
  net: string;
  /** What a new request may still ask for: gross minus approved and waiting. */
  left: string;
};

export function refundFigures(gross: string, sums: { approved: string; requested: string }) {
  return {
    gross,
    refunded: sums.approved,
    waiting: sums.requested,
    net: subtractDecimals(gross, sums.approved),
    left: subtractDecimals(gross, addDecimals(sums.approved, sums.requested)),
  } satisfies RefundFigures;
}

const isNegative = (decimal: string) => decimal.startsWith("-");

/**
 * The first person's step: a refund of a paid or settled payment of the acting mode,
 * never more than is left after earlier requested and approved refunds. The payment's
 * row is locked for the check and the insert, so two requests at once are weighed
 * one after the other; the audit entry is written in the same transaction.
 */
export async function requestRefund(
  user: Person,
  mode: GatewayMode,
  transactionId: string,
  input: RefundRequestInput,
  proof: RefundProof | null = null,
): Promise<RefundResult> {
  const relayed: string[] = [];
  const result = await getDb().transaction(async (tx) => {
    const payment = await lockTransactionForRefund(tx, transactionId, mode);
    if (!payment) return { ok: false, reason: "notFound" } as const;
    if (!refundableStates.includes(payment.state)) return { ok: false, reason: "notPaid" } as const;
    // A day marked reconciled (or closed) keeps the figures its checker approves.
    await lockRefundDay(tx, mode, input.refundedOn);
    const closing = await getReconciliationDay(mode, input.refundedOn, tx);
    if (closing && closing.status !== "rejected")
      return { ok: false, reason: "dayClosed" } as const;
    const figures = refundFigures(grossOf(payment), await sumRefundsByState(tx, payment.id));
    const amount = decimalFromRupiah(input.amount);
    if (isNegative(subtractDecimals(figures.left, amount)))
      return { ok: false, reason: "tooMuch", left: figures.left } as const;
    const refund = await insertRefund(tx, refundValues(user, mode, payment.id, amount, input));
    if (proof) {
      await insertRefundProof(tx, {
        refundId: refund.id,
        contentType: proof.contentType,
        bytes: proof.bytes,
        sha256: proof.sha256,
        uploadedBy: user.id,
      });
    }
    await recordAudit(tx, {
      action: "refund.requested",
      actorId: user.id,
      mode,
      target: { type: "refund", id: refund.id },
      // The buyer's bank account stays on the refund, out of the audit log.
      details: {
        transactionId: payment.id,
        amount,
        reason: input.reason,
        method: input.method,
        refundedOn: input.refundedOn,
        ...(proof ? { proof: { type: proof.contentType, sha256: proof.sha256 } } : {}),
      },
    });
    relayed.push(...(await relayRefundStep(tx, payment, refund)));
    return { ok: true, id: refund.id } as const;
  });
  return afterRelay(result, relayed);
}

/**
 * The second person's step: a different finance user or an admin approves (it counts)
 * or rejects a requested refund. Of two decisions at once one wins (a conditional
 * update); the requester can never decide their own.
 */
export async function decideRefund(
  user: Person,
  mode: GatewayMode,
  refundId: string,
  decision: "approved" | "rejected",
  note: string | null,
): Promise<RefundResult> {
  const relayed: string[] = [];
  const result = await getDb().transaction(async (tx) => {
    const row = await decideRefundRow(tx, {
      id: refundId,
      mode,
      deciderId: user.id,
      decision,
      note,
    });
    if (!row) {
      const current = await getRefund(tx, refundId, mode);
      if (!current) return { ok: false, reason: "notFound" } as const;
      if (current.state === "requested" && current.requestedBy === user.id)
        return { ok: false, reason: "ownRequest" } as const;
      return { ok: false, reason: "notWaiting" } as const;
    }
    await recordAudit(tx, {
      action: decision === "approved" ? "refund.approved" : "refund.rejected",
      actorId: user.id,
      mode,
      target: { type: "refund", id: row.id },
      details: {
        transactionId: row.transactionId,
        amount: row.amount,
        requestedBy: row.requestedBy,
        note,
      },
    });
    const payment = await lockTransactionForRefund(tx, row.transactionId, mode);
    if (payment) relayed.push(...(await relayRefundStep(tx, payment, row)));
    return { ok: true, id: row.id } as const;
  });
  return afterRelay(result, relayed);
}

/** The new refund's row: the buyer's bank and account only where the method has them. */
function refundValues(
  user: Person,
  mode: GatewayMode,
  transactionId: string,
  amount: string,
  input: RefundRequestInput,
) {
  return {
    mode,
    transactionId,
    amount,
    reason: input.reason,
    note: input.note,
    method: input.method,
    bank: input.method === "bank_transfer" ? input.bank : null,
    account: input.method === "bank_transfer" || input.method === "ewallet" ? input.account : null,
    refundedOn: input.refundedOn,
    requestedBy: user.id,
  };
}

/**
 * A refund's step as a relay event of its payment, written in the step's transaction
 * (so other systems hear of it exactly when it happened); returns the deliveries.
 */
function relayRefundStep(tx: DbOrTx, payment: Transaction, refund: Refund): Promise<string[]> {
  const facts = {
    id: refund.id,
    amount: refund.amount,
    reason: refund.reason,
    method: refund.method,
    refunded_on: refund.refundedOn,
    state: refund.state,
  };
  return emitPaymentEvents(tx, [refundEvent(payment, facts)]);
}

/** Queues the relay's deliveries once the step has committed. */
async function afterRelay(result: RefundResult, relayed: readonly string[]): Promise<RefundResult> {
  if (relayed.length > 0) await queueRelayDispatch();
  return result;
}
