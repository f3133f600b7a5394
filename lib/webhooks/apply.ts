import "server-only";
import { DatabaseDeadlineError, type DbOrTx } from "@/db/client";
import {
  insertTransactionEvent,
  insertTransactionFromCallback,
  lockTransactionByReference,
  updateTransaction,
} from "@/db/queries/transactions";
import {
  applyAdvanceInOne,
  applyLimits,
  findHandledDelivery,
  flagTransaction,
  insertDelivery,
  lookupCallback,
  quickWritable,
  recordDuplicateQuick,
  withDeliveryLock,
  writeCallbackQuick,
} from "@/db/queries/webhooks";
import {
  transactionState,
  type DeliveryOutcome,
  type NewTransaction,
  type NewWebhookDelivery,
  type Transaction,
} from "@/db/schema";
import type { TransactionFlag } from "@/lib/payments/flags";
import { decideTransition, stateForStatus } from "@/lib/payments/lifecycle";
import { getChannelModule } from "@/lib/channels";
import { callbackTime, channelForCallback, type CallbackPayload } from "@/lib/purwantara/callback";
import type { GatewayMode } from "@/lib/purwantara/contract";
import { checkCallbackValues, withoutUnsafeUrls, type CallbackCheck, type Finding } from "./checks";
import { logSafeError, shouldRetryLater } from "./failures";
import { heldFlags, sameDecimal, verdictFor, withNotes } from "./verdict";

export type ReceivedDelivery = {
  deliveryId: string | null;
  headers: Record<string, string>;
  rawBody: Buffer;
  /** The parsed body, made storable (see sanitize.ts). */
  payload: CallbackPayload;
  /** The mode whose secret verified it: it reads, matches and changes only that mode's rows. */
  mode: GatewayMode;
  /** Which of the mode's secrets verified it (current or previous); null for a replay. */
  verifiedWith: "current" | "previous" | null;
  /** Why a person must look before this delivery may change anything, found before the database. */
  review: string | null;
  /** How the stored copies differ from the raw body, added to the recorded reason. */
  note: string | null;
  /** Set by a replay: the stored delivery it replays (replays sit outside the dedupe index). */
  replayOf?: string | null;
};

export type ApplyOptions = {
  /** Run inside this transaction (a replay's) instead of a transaction of its own. */
  tx?: DbOrTx;
  /** Time left for the whole apply, in ms (the route's budget). */
  deadlineMs?: number;
  /**
   * A person accepted a held delivery (replay.ts; only with `tx`): review holds, value
   * checks and an amount mismatch no longer stop it (our record's amount stands for
   * one that failed or differs). It stays held when no transaction of its mode exists,
   * and the lifecycle still decides: an unknown status stays held.
   */
  accept?: boolean;
  /** Told the id of the delivery row this run recorded (full path only). */
  onRecorded?: (id: string) => void;
};

/** The delivery after the checks that need no database: unsafe addresses dropped, findings noted. */
type Prepared = {
  delivery: ReceivedDelivery;
  check: CallbackCheck;
  /** unsafe_url findings, for whichever row the delivery applies to. */
  extra: Finding[];
};

function prepare(received: ReceivedDelivery): Prepared {
  // An unsafe buyer address is dropped and flagged; the rest of the callback still counts.
  const safe = withoutUnsafeUrls(received.payload, received.mode);
  const delivery: ReceivedDelivery = { ...received, payload: safe.payload };
  const check: CallbackCheck = delivery.review
    ? { ok: false, reason: delivery.review, flags: [] }
    : checkCallbackValues(delivery.payload);
  const extra: Finding[] = safe.note ? [{ flag: "unsafe_url", note: safe.note }] : [];
  return { delivery, check, extra };
}

function deliveryValues(
  delivery: ReceivedDelivery,
  outcome: DeliveryOutcome,
  reason: string,
  transactionId: string | null,
): NewWebhookDelivery {
  return {
    deliveryId: delivery.deliveryId,
    headers: delivery.headers,
    rawBody: delivery.rawBody,
    signatureValid: true,
    outcome,
    reason: withNotes(reason, [delivery.note]),
    purwantaraUuid: delivery.payload.uuid,
    rawStatus: delivery.payload.status,
    transactionId,
    mode: delivery.mode,
    verifiedWith: delivery.verifiedWith,
    replayOf: delivery.replayOf ?? null,
  };
}

/**
 * Applies a verified callback: the delivery row, the transaction's new status, its
 * flags and its event commit together or not at all. Odd values are recorded as
 * `needs_review` and change nothing but flags; a delivery id seen before (in this
 * mode) with a different body is a `conflict`. Everything happens within the
 * delivery's mode.
 *
 * The common case (a known transaction, values in order) takes two statements on
 * the quick pool (`applyQuickly`); everything else, or any doubt, the full path in
 * one locked transaction. With `options.tx` (a replay, or a dry run rolled back) only
 * the full path runs, inside that transaction. A delivery with `replayOf` skips the
 * "already handled" check (it is re-run on purpose) and is recorded with `replay_of`,
 * outside the dedupe index.
 */
export async function applyCallback(
  received: ReceivedDelivery,
  options: ApplyOptions = {},
): Promise<DeliveryOutcome> {
  const prepared = prepare(received);
  if (!options.tx && !received.replayOf) {
    const started = performance.now();
    try {
      const quick = await within(
        applyQuickly(prepared),
        options.deadlineMs ?? applyLimits.deadlineMs,
      );
      if (quick) return quick;
    } catch (error) {
      // The database was slow or away: the sender retries. Anything else: the full path decides.
      if (shouldRetryLater(error)) throw error;
      logSafeError("webhook: quick apply failed; taking the full path", received.deliveryId, error);
    }
    const left =
      options.deadlineMs === undefined
        ? undefined
        : options.deadlineMs - (performance.now() - started);
    return applyFully(prepared, { deadlineMs: left });
  }
  return applyFully(prepared, options);
}

/**
 * The quick path: one read (earlier delivery, transaction), then one statement that
 * writes only if the row is still the version read and the id still unhandled.
 * Returns null whenever the full path must decide (new row, held, conflict, a race).
 */
async function applyQuickly({ delivery, check, extra }: Prepared): Promise<DeliveryOutcome | null> {
  if (!check.ok) return null;
  if (await advanceInOne(delivery, check, extra)) return "applied";
  const found = await lookupCallback({
    mode: delivery.mode,
    deliveryId: delivery.deliveryId,
    purwantaraUuid: delivery.payload.uuid,
    externalId: delivery.payload.external_id ?? null,
    rawBody: delivery.rawBody,
  });
  if (found.earlier) {
    if (!found.earlier.sameBody) return null;
    await recordDuplicateQuick(
      deliveryValues(
        delivery,
        "duplicate",
        `delivery ${delivery.deliveryId} was already processed`,
        null,
      ),
    );
    return "duplicate";
  }
  if (!found.row) return null;
  const verdict = verdictFor(found.row, delivery.payload, check, extra);
  if (verdict.kind !== "apply" || !quickWritable(verdict.decision.changes)) return null;
  const { decision } = verdict;
  const values = deliveryValues(delivery, decision.outcome, verdict.reason, found.row.id);
  const written = await writeCallbackQuick({
    transactionId: found.row.id,
    mode: delivery.mode,
    version: found.row.version,
    delivery: { ...values, verifiedWith: delivery.verifiedWith },
    changes: decision.changes,
    flags: verdict.flags,
    event:
      decision.outcome === "applied" && decision.changes?.state
        ? {
            toState: decision.changes.state,
            note: eventNote(found.row, decision.changes.state, verdict.reason),
          }
        : null,
  });
  return written.written ? decision.outcome : null;
}

const allStates = transactionState.enumValues;

/**
 * The commonest delivery in one statement: a status that moves a row we hold
 * forward. True when it applied; false when the row is not in a state this status
 * advances from, its amount or channel differ, it is not there, or the id was handled
 * (nothing changed then, nothing locked).
 */
async function advanceInOne(
  delivery: ReceivedDelivery,
  check: Extract<CallbackCheck, { ok: true }>,
  extra: readonly Finding[],
): Promise<boolean> {
  const p = delivery.payload;
  const channel = channelForCallback(p);
  const to = stateForStatus(p.status);
  if (!channel || !to) return false;
  const fromStates = allStates.filter((s) => decideTransition(s, p.status).kind === "advance");
  if (fromStates.length === 0) return false;
  const findings = [...check.findings, ...extra];
  const { written } = await applyAdvanceInOne({
    mode: delivery.mode,
    purwantaraUuid: p.uuid,
    externalId: p.external_id ?? null,
    fromStates,
    amount: check.amount,
    channel,
    toState: to,
    rawStatus: p.status,
    delivery: { ...delivery, verifiedWith: delivery.verifiedWith },
    notesBefore: findings.map((f) => `; ${f.note}`).join(""),
    notesAfter: delivery.note ? `; ${delivery.note}` : "",
    paidAt: callbackTime(p.paid_at),
    settledAt: callbackTime(p.settle_at),
    flags: findings.map((f) => f.flag),
    facts: {
      ...getChannelModule(channel)?.callbackFacts(p),
      ...(p.event?.channel ? { paymentChannel: p.event.channel } : {}),
    },
  });
  return written;
}

/** `work`, or a DatabaseDeadlineError once `ms` have passed (the work's late end is ignored). */
async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseDeadlineError(ms)), Math.max(0, ms));
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** An advance speaks for itself in the timeline; anything else needs its reason. */
function eventNote(row: Transaction, to: string, reason: string): string | null {
  return to === row.state ? reason : null;
}

/** The full path: one transaction holding the delivery id's lock and the row's. */
async function applyFully(
  { delivery, check, extra }: Prepared,
  options: ApplyOptions,
): Promise<DeliveryOutcome> {
  return withDeliveryLock(
    delivery,
    async (tx) => {
      const record = async (
        outcome: DeliveryOutcome,
        reason: string,
        transactionId: string | null,
      ) => {
        const id = await insertDelivery(
          deliveryValues(delivery, outcome, reason, transactionId),
          tx,
        );
        options.onRecorded?.(id);
        return id;
      };
      const held = async (
        outcome: DeliveryOutcome,
        reason: string,
        flags: readonly TransactionFlag[],
      ) => {
        const row = await lockTransactionByReference(tx, referenceOf(delivery));
        await record(outcome, reason, row?.id ?? null);
        // Flags last: the row's write holds the mode's change marker until commit.
        if (row) await flagTransaction(tx, row.id, heldFlags(flags));
        return outcome;
      };

      // A replay re-runs a stored delivery on purpose: its own id is not a reason to skip it.
      if (delivery.deliveryId && !delivery.replayOf) {
        const earlier = await findHandledDelivery(
          tx,
          { deliveryId: delivery.deliveryId, mode: delivery.mode },
          delivery.rawBody,
        );
        if (earlier?.sameBody) {
          await record("duplicate", `delivery ${delivery.deliveryId} was already processed`, null);
          return "duplicate";
        }
        if (earlier) {
          return held(
            "conflict",
            `delivery ${delivery.deliveryId} was already processed (row ${earlier.id}) with a different body; not applied`,
            ["conflicting_delivery"],
          );
        }
      }
      let checked: Extract<CallbackCheck, { ok: true }>;
      /** Why a person's acceptance let this delivery past a hold, kept in its reason. */
      let acceptedNote: string | null = null;
      if (check.ok) {
        checked = check;
      } else {
        if (!options.accept) return held("needs_review", check.reason, check.flags);
        // Accepted by a person: our record's amount stands in for one that failed the checks.
        const row = await lockTransactionByReference(tx, referenceOf(delivery));
        if (!row) {
          return held(
            "needs_review",
            `${check.reason}; no transaction of this mode to accept it for`,
            check.flags,
          );
        }
        checked = { ok: true, amount: row.amount, findings: [] };
        acceptedNote = `accepted by a person despite: ${check.reason}; our record's amount ${row.amount} is used`;
      }

      const existing = await findOrCreate(tx, delivery, checked, extra);
      if (!existing) {
        await record(
          "needs_review",
          `its uuid or external_id belongs to a transaction of another mode than ${delivery.mode}; not applied`,
          null,
        );
        return "needs_review";
      }
      if (existing.created) {
        const row = existing.row;
        const deliveryRowId = await record("unmatched", existing.reason, row.id);
        await insertTransactionEvent(tx, {
          transactionId: row.id,
          source: "webhook",
          fromState: null,
          toState: row.state,
          rawStatus: delivery.payload.status,
          deliveryId: deliveryRowId,
          note: "first seen in a callback",
        });
        return "unmatched";
      }
      if (options.accept && !sameDecimal(checked.amount, existing.row.amount)) {
        acceptedNote = `accepted by a person: amount ${checked.amount} differs from our record ${existing.row.amount}, which stands`;
        checked = { ...checked, amount: existing.row.amount };
      }
      const verdict = verdictFor(existing.row, delivery.payload, checked, extra);
      if (verdict.kind === "held") return held(verdict.outcome, verdict.reason, verdict.flags);
      const { decision } = verdict;
      // Only an accepted delivery gets here with a status the lifecycle does not know.
      if (decision.outcome === "needs_review") {
        return held("needs_review", verdict.reason, check.ok ? [] : check.flags);
      }
      if (acceptedNote) verdict.reason = withNotes(verdict.reason, [acceptedNote]);
      // The delivery first, the transaction as late as possible (see change_markers).
      const deliveryRowId = await record(decision.outcome, verdict.reason, existing.row.id);
      const updated = decision.changes
        ? await updateTransaction(tx, existing.row.id, decision.changes)
        : existing.row;
      await flagTransaction(tx, existing.row.id, verdict.flags);
      if (decision.outcome === "applied") {
        await insertTransactionEvent(tx, {
          transactionId: existing.row.id,
          source: "webhook",
          fromState: existing.row.state,
          toState: updated.state,
          rawStatus: delivery.payload.status,
          deliveryId: deliveryRowId,
          note: eventNote(existing.row, updated.state, verdict.reason),
        });
      }
      return decision.outcome;
    },
    options,
  );
}

/** What identifies a callback's transaction: its ids, within the mode whose secret verified it. */
function referenceOf({ payload, mode }: ReceivedDelivery) {
  return { purwantaraUuid: payload.uuid, externalId: payload.external_id ?? null, mode };
}

async function findOrCreate(
  tx: DbOrTx,
  delivery: ReceivedDelivery,
  check: Extract<CallbackCheck, { ok: true }>,
  extra: readonly Finding[],
): Promise<{ row: Transaction; created: boolean; reason: string } | null> {
  const ref = referenceOf(delivery);
  const found = await lockTransactionByReference(tx, ref);
  if (found) return { row: found, created: false, reason: "" };
  const { values, reason } = transactionFromCallback(delivery, check, extra);
  const inserted = await insertTransactionFromCallback(tx, values);
  if (inserted) return { row: inserted, created: true, reason };
  // Another delivery for the same transaction inserted it first: use that row.
  const raced = await lockTransactionByReference(tx, ref);
  if (raced) return { row: raced, created: false, reason: "" };
  // The uuid or external_id is taken, but not in this mode: never read or touched.
  return null;
}

function transactionFromCallback(
  delivery: ReceivedDelivery,
  check: Extract<CallbackCheck, { ok: true }>,
  extra: readonly Finding[],
): { values: NewTransaction; reason: string } {
  const p = delivery.payload;
  const channel = channelForCallback(p);
  const state = stateForStatus(p.status) ?? "active";
  const findings: Finding[] = [...check.findings, ...extra];
  if (!channel && p.event?.type == null) {
    findings.push({ flag: "unknown_channel", note: "no event.type; stored as a payment link" });
  }
  const paid = state === "paid" || state === "settled";
  return {
    values: {
      mode: delivery.mode,
      channel: channel ?? "payment-link",
      paymentChannel: p.event?.channel ?? null,
      externalId: p.external_id ?? null,
      purwantaraUuid: p.uuid,
      title: p.title ?? null,
      description: p.description ?? null,
      amount: check.amount,
      rawStatus: p.status,
      state,
      ...(channel ? getChannelModule(channel)?.callbackFacts(p) : {}),
      expiresAt: callbackTime(p.expires_at ?? p.expired_at),
      // A paid row without a paid time takes the time received (flagged).
      paidAt: callbackTime(p.paid_at) ?? (paid ? new Date() : null),
      settledAt: callbackTime(p.settle_at),
      lastResponse: p,
      flags: [
        ...new Set<TransactionFlag>(["outside_dashboard", ...findings.map((f) => f.flag)]),
      ].sort(),
    },
    reason: withNotes(
      "no transaction with this uuid or external_id; recorded from the callback",
      findings.map((f) => f.note),
    ),
  };
}
