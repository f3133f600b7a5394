import "server-only";
import { queueRelayDispatch } from "@/lib/jobs/enqueue";
import type { DbOrTx } from "@/db/client";
import {
  clearNeedsReviewIfFree,
  getDeliveryInTx,
  getTransactionInTx,
  lockSignedDelivery,
  setDeliveryResolution,
  withManageTransaction,
} from "@/db/queries/callbacks";
import { lockTransactionByReference } from "@/db/queries/transactions";
import type { DeliveryOutcome, Transaction, TransactionState, WebhookDelivery } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AppError, type AppErrorCode } from "@/lib/errors";
import type { GatewayMode } from "@purwantara/contract";
import { applyCallback } from "./apply";
import { logSafeError, shouldRetryLater } from "./failures";
import { replayOfStored } from "./ingest";

/** Why a replay, an acceptance or a dismissal cannot go ahead; each has a message for people. */
export type ReplayRefusal =
  "notFound" | "notACallback" | "notHeld" | "alreadyResolved" | "stillHeld" | "busy" | "failed";

const refusalCodes: Record<ReplayRefusal, AppErrorCode> = {
  notFound: "not_found",
  notACallback: "validation",
  notHeld: "conflict",
  alreadyResolved: "conflict",
  stillHeld: "conflict",
  busy: "unavailable",
  failed: "unavailable",
};

/** A replay, accept or dismiss refused: shown as `callbacks.refusals.<refusal>`. */
export class ReplayError extends AppError {
  override name = "ReplayError";
  constructor(
    readonly refusal: ReplayRefusal,
    /** The reason the apply path gave, when there is one (never a payload). */
    readonly detail: string | null = null,
  ) {
    super(refusalCodes[refusal], `replay refused: ${refusal}`, {
      key: `callbacks.refusals.${refusal}`,
      values: { reason: detail ?? "—" },
    });
  }
}

export type FieldChange = {
  field: string;
  before: string | null;
  after: string | null;
  /** The values are ISO times, to show in the person's zone. */
  time: boolean;
};

/** What running a stored delivery through the apply path does (or would do). */
export type ReplayResult = {
  outcome: DeliveryOutcome;
  reason: string | null;
  transaction: { id: string; title: string | null; created: boolean } | null;
  state: { from: TransactionState | null; to: TransactionState } | null;
  changes: FieldChange[];
  flagsAdded: string[];
  flagsRemoved: string[];
  committed: boolean;
  /** The new delivery row, when committed. */
  replayId: string | null;
  /** The resolution this set on the stored delivery, when committed. */
  resolution: "accepted" | "replayed" | null;
};

export type ReplayRequest = {
  /** The stored delivery's row id. */
  id: string;
  /** The acting mode: a delivery of another mode is not found. */
  mode: GatewayMode;
  actorId: string;
  ip?: string | null;
  /** False: a dry run, rolled back, that reports what it would change. */
  commit: boolean;
  /** A person accepts a held delivery: it goes past the review holds (see apply.ts). */
  accept?: { note: string };
};

const heldOutcomes: DeliveryOutcome[] = ["needs_review", "conflict"];
// Columns that change on every write, or are the state and flags reported on their own.
const unreported = new Set<keyof Transaction>(["updatedAt", "createdAt", "state", "flags"]);

export function isHeld(delivery: Pick<WebhookDelivery, "outcome" | "replayOf">): boolean {
  return heldOutcomes.includes(delivery.outcome) && delivery.replayOf === null;
}

class DryRun extends Error {
  constructor(readonly result: ReplayResult) {
    super("dry run rolled back");
  }
}

/**
 * Replays a stored, signed delivery through the same code as a live callback
 * (applyCallback), in one transaction: a dry run rolls it back and reports what it
 * would change; a real one commits it as a new delivery row (replay_of = the stored
 * one), audited in the same transaction. Acceptance is a replay past the review holds
 * that also resolves the held delivery.
 */
export async function replayDelivery(request: ReplayRequest): Promise<ReplayResult> {
  try {
    const result = await withManageTransaction((tx) => replayIn(tx, request));
    // The replay may have written relay events; they go once it committed.
    await queueRelayDispatch();
    return result;
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    if (error instanceof ReplayError) throw error;
    logSafeError("callbacks: replay failed", request.id, error);
    throw new ReplayError(shouldRetryLater(error) ? "busy" : "failed");
  }
}

async function replayIn(tx: DbOrTx, request: ReplayRequest): Promise<ReplayResult> {
  const original = await lockSignedDelivery(tx, request.id, request.mode);
  if (!original?.mode) throw new ReplayError("notFound");
  if (request.accept && !isHeld(original)) throw new ReplayError("notHeld");
  if (request.accept && original.resolution) throw new ReplayError("alreadyResolved");
  // Its bytes parsed as when it arrived, in the mode that verified it, marked a replay of it.
  const prepared = replayOfStored(original);
  if (!prepared.ok) throw new ReplayError("notACallback", prepared.reason);
  const { delivery } = prepared;
  const before = await lockTransactionByReference(tx, {
    purwantaraUuid: delivery.payload.uuid,
    externalId: delivery.payload.external_id ?? null,
    mode: original.mode,
  });
  let recordedId: string | null = null;
  const { outcome } = await applyCallback(tx, delivery, {
    accept: Boolean(request.accept),
    onRecorded: (id) => (recordedId = id),
  });
  const row = recordedId ? await getDeliveryInTx(tx, recordedId) : null;
  const after = row?.transactionId ? await getTransactionInTx(tx, row.transactionId) : null;
  const result = describeResult(outcome, row, before, after);
  const stillHeld = heldOutcomes.includes(outcome);
  if (!request.commit) throw new DryRun(result);
  if (request.accept && stillHeld) throw new ReplayError("stillHeld", row?.reason ?? null);

  const resolution = request.accept
    ? "accepted"
    : isHeld(original) && !original.resolution && !stillHeld
      ? "replayed"
      : null;
  const audit = { actorId: request.actorId, mode: original.mode, ip: request.ip ?? null };
  const target = { type: "webhook_delivery", id: original.id };
  await recordAudit(tx, {
    ...audit,
    action: "callback.replayed",
    target,
    details: {
      replayId: recordedId,
      outcome,
      transactionId: after?.id ?? null,
      stateFrom: result.state?.from ?? null,
      stateTo: result.state?.to ?? null,
      changedFields: result.changes.map((c) => c.field),
      accept: Boolean(request.accept),
    },
  });
  if (resolution) {
    await setDeliveryResolution(tx, original.id, {
      resolution,
      note: request.accept?.note ?? null,
      by: request.actorId,
    });
    await recordAudit(tx, {
      ...audit,
      action: "callback.resolved",
      target,
      details: { resolution, replayId: recordedId, transactionId: original.transactionId },
    });
    for (const id of new Set([original.transactionId, after?.id].filter(Boolean) as string[])) {
      await clearNeedsReviewIfFree(tx, id);
    }
  }
  return { ...result, committed: true, replayId: recordedId, resolution };
}

/** Dismisses a held delivery with a note: nothing is applied, the hold is lifted. */
export async function dismissDelivery(request: {
  id: string;
  mode: GatewayMode;
  actorId: string;
  ip?: string | null;
  note: string;
}): Promise<void> {
  try {
    await withManageTransaction(async (tx) => {
      const original = await lockSignedDelivery(tx, request.id, request.mode);
      if (!original?.mode) throw new ReplayError("notFound");
      if (!isHeld(original)) throw new ReplayError("notHeld");
      if (original.resolution) throw new ReplayError("alreadyResolved");
      await setDeliveryResolution(tx, original.id, {
        resolution: "dismissed",
        note: request.note,
        by: request.actorId,
      });
      await recordAudit(tx, {
        action: "callback.resolved",
        actorId: request.actorId,
        mode: original.mode,
        ip: request.ip ?? null,
        target: { type: "webhook_delivery", id: original.id },
        details: { resolution: "dismissed", transactionId: original.transactionId },
      });
      if (original.transactionId) await clearNeedsReviewIfFree(tx, original.transactionId);
    });
  } catch (error) {
    if (error instanceof ReplayError) throw error;
    logSafeError("callbacks: dismiss failed", request.id, error);
    throw new ReplayError(shouldRetryLater(error) ? "busy" : "failed");
  }
}

function shown(value: unknown): { text: string | null; time: boolean } {
  if (value === null || value === undefined) return { text: null, time: false };
  if (value instanceof Date) return { text: value.toISOString(), time: true };
  if (Array.isArray(value)) return { text: value.join(", "), time: false };
  if (typeof value === "object") return { text: JSON.stringify(value).slice(0, 200), time: false };
  return { text: String(value), time: false };
}

function describeResult(
  outcome: DeliveryOutcome,
  row: WebhookDelivery | null,
  before: Transaction | null,
  after: Transaction | null,
): ReplayResult {
  const same = before && after && before.id === after.id;
  const changes: FieldChange[] = [];
  if (same) {
    for (const key of Object.keys(after) as (keyof Transaction)[]) {
      if (unreported.has(key)) continue;
      const [b, a] = [shown(before[key]), shown(after[key])];
      if (b.text !== a.text)
        changes.push({ field: key, before: b.text, after: a.text, time: a.time || b.time });
    }
  }
  const flagsBefore = same ? before.flags : [];
  const flagsAfter = after?.flags ?? [];
  const stateFrom = same ? before.state : null;
  return {
    outcome,
    reason: row?.reason ?? null,
    transaction: after ? { id: after.id, title: after.title, created: !same && !before } : null,
    state: after && stateFrom !== after.state ? { from: stateFrom, to: after.state } : null,
    changes,
    flagsAdded: flagsAfter.filter((f) => !flagsBefore.includes(f)),
    flagsRemoved: flagsBefore.filter((f) => !flagsAfter.includes(f)),
    committed: false,
    replayId: null,
    resolution: null,
  };
}
