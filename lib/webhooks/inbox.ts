import "server-only";
import { queueRelayDispatch } from "@/lib/jobs/enqueue";
import { getApplyPool, getQuickDb, transactionWithin, type DbOrTx } from "@/db/client";
import { claimInbox, finishInbox, insertInbox, postponeInbox } from "@/db/queries/inbox";
import { holdDelivery, recordDelivery } from "@/db/queries/webhooks";
import type { CallbackInboxRow, DeliveryOutcome } from "@/db/schema";
import { applyCallback } from "./apply";
import { logSafeError, shouldRetryLater } from "./failures";
import { parseBody } from "./parse";
import { deliveryValues, type ReceivedDelivery } from "./delivery";
import { storableText } from "./sanitize";

/** Applies running inline per process; more wait in the inbox for the drainer. */
const inlineSlots = 2;
/** Drain loops per process (with the inline slots, within the apply pool's connections). */
const drainLoops = 2;
/** How long the drainers leave a row to its inline apply (after that, its process is presumed gone). */
const inlineGraceMs = 5000;
/** How often each process looks for deliveries left behind (a stopped instance, a retry due). */
const pollMs = 2000;
/** One apply: generous, since nobody waits on it but the inbox. */
const applyLimits = { deadlineMs: 15_000, statementTimeoutMs: 5_000, lockTimeoutMs: 5_000 };
const retryDelayMs = (attempts: number) => Math.min(60_000, 1000 * 2 ** attempts);

export type Received =
  { kind: "applied"; outcome: DeliveryOutcome } | { kind: "queued" } | { kind: "duplicate" };

type State = { inline: number; draining: number; timer?: NodeJS.Timeout; stopping: boolean };
const holder = globalThis as typeof globalThis & { __purwantaraInbox?: State };
const state = (): State =>
  (holder.__purwantaraInbox ??= { inline: 0, draining: 0, stopping: false });

/**
 * Puts a verified delivery on disk (the only write the answer needs), then applies it
 * inline when this process has room, otherwise leaves it to the drainer. Throws only
 * when the inbox insert itself failed: then, and only then, Purwantara must retry.
 */
export async function receiveDelivery(
  delivery: ReceivedDelivery,
  /** How long the answer waits for the inline apply (0: not at all; the apply goes on). */
  waitMs = 0,
): Promise<Received> {
  const s = state();
  // A slot is taken before the insert, so the drainers leave the row to it for a while.
  const inline = s.inline < inlineSlots && !s.stopping;
  if (inline) s.inline += 1;
  let received: Awaited<ReturnType<typeof insertInbox>>;
  try {
    received = await insertInbox({
      mode: delivery.mode,
      deliveryId: delivery.deliveryId,
      headers: delivery.headers,
      rawBody: delivery.rawBody,
      verifiedWith: delivery.verifiedWith,
      drainAfterMs: inline ? inlineGraceMs : 0,
    });
  } catch (error) {
    if (inline) s.inline -= 1;
    throw error;
  }
  startInboxDrainer();
  if (!received.fresh) {
    if (inline) s.inline -= 1;
    // On disk already: the answer is 200 whether or not the log's duplicate row is written.
    const reason = `delivery ${delivery.deliveryId} was already received`;
    await recordDelivery(deliveryValues(delivery, "duplicate", reason, null)).catch(
      (error: unknown) =>
        logSafeError("webhook: could not log a duplicate", delivery.deliveryId, error),
    );
    return { kind: "duplicate" };
  }
  if (!inline) {
    kickDrainer();
    return { kind: "queued" };
  }
  return applyInline(received.inboxId, waitMs);
}

/** Applies a row this process took a slot for; the answer waits at most `waitMs` for it. */
async function applyInline(inboxId: string, waitMs: number): Promise<Received> {
  const s = state();
  const work = applyInboxRow(inboxId).finally(() => {
    s.inline -= 1;
  });
  if (waitMs <= 0) {
    work.catch(() => undefined);
    return { kind: "queued" };
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), waitMs);
  });
  const applied = await Promise.race([work.catch(() => null), late]).finally(() =>
    clearTimeout(timer),
  );
  return applied ? { kind: "applied", outcome: applied.outcome } : { kind: "queued" };
}

/**
 * Applies one inbox row (this one, or the oldest due) in its own transaction on the
 * apply pool; null when there was none to take. A delivery that cannot be applied for
 * a reason of its own is held for review in the same transaction; one the database
 * could not take is tried again later, with a growing wait.
 */
export async function applyInboxRow(
  id: string | null,
): Promise<{ id: string; outcome: DeliveryOutcome } | null> {
  const claimed: { row: CallbackInboxRow | null } = { row: null };
  const relayIds: string[] = [];
  try {
    const applied = await transactionWithin(
      applyLimits,
      async (tx) => {
        const row = await claimInbox(tx, id);
        claimed.row = row;
        if (!row) return null;
        const outcome = await applyInboxEntry(tx, row, (ids) => relayIds.push(...ids));
        return { id: row.id, outcome };
      },
      getApplyPool(),
    );
    // Committed: the relay's events for other systems may go (it never throws).
    if (relayIds.length > 0) void queueRelayDispatch();
    return applied;
  } catch (error) {
    const { row } = claimed;
    logSafeError(
      "webhook: could not apply an inbox delivery; it stays in the inbox",
      row?.deliveryId ?? null,
      error,
    );
    if (row) {
      await postponeInbox(getQuickDb(), row.id, errorText(error), retryDelayMs(row.attempts)).catch(
        () => undefined,
      );
    }
    throw error;
  }
}

/** Applies a claimed inbox row inside `tx` and marks it applied there; the outcome. */
export async function applyInboxEntry(
  tx: DbOrTx,
  row: CallbackInboxRow,
  onRelay?: (ids: string[]) => void,
): Promise<DeliveryOutcome> {
  const parsed = parseBody(row.rawBody);
  const base = {
    deliveryId: row.deliveryId,
    headers: row.headers,
    rawBody: row.rawBody,
    mode: row.mode,
    verifiedWith: row.verifiedWith === "previous" ? ("previous" as const) : ("current" as const),
  };
  if (!parsed.ok)
    return hold(tx, row, { ...base, payload: { uuid: "", status: "" } }, parsed.reason);
  const delivery: ReceivedDelivery = { ...base, ...parsed.delivery };
  try {
    // A savepoint: a failure of this delivery's own undoes only its part, and it is held.
    const { outcome, deliveryRowId } = await tx.transaction((sp) =>
      applyCallback(sp, delivery, { onRelay }),
    );
    await finishInbox(tx, row.id, outcome, deliveryRowId);
    return outcome;
  } catch (error) {
    if (shouldRetryLater(error)) throw error;
    logSafeError("webhook: could not apply delivery; held for review", row.deliveryId, error);
    return hold(
      tx,
      row,
      delivery,
      storableText(`could not apply: ${errorText(error)}`).slice(0, 500),
    );
  }
}

async function hold(
  tx: DbOrTx,
  row: CallbackInboxRow,
  delivery: Parameters<typeof deliveryValues>[0],
  reason: string,
): Promise<DeliveryOutcome> {
  const outcome = "needs_review";
  const values = deliveryValues(delivery, outcome, reason, null);
  const deliveryRowId = await holdDelivery(tx, values, ["needs_review"]);
  await finishInbox(tx, row.id, outcome, deliveryRowId);
  return outcome;
}

/** Starts this process's drain loops, up to their number; each runs until nothing is due. */
export function kickDrainer(): void {
  const s = state();
  while (s.draining < drainLoops && !s.stopping) {
    s.draining += 1;
    void drainLoop().finally(() => {
      s.draining -= 1;
    });
  }
}

async function drainLoop(): Promise<void> {
  while (!state().stopping) {
    const applied = await applyInboxRow(null).catch(() => null);
    if (!applied) return;
  }
}

/** Starts the periodic look for deliveries left in the inbox (idempotent; never keeps a process alive). */
export function startInboxDrainer(): void {
  const s = state();
  if (s.timer || s.stopping) return;
  s.timer = setInterval(kickDrainer, pollMs);
  s.timer.unref();
  kickDrainer();
}

/** Graceful shutdown: no new applies; waits (up to `ms`) for those running to commit. */
export async function stopInboxDrainer(ms = 10_000): Promise<void> {
  const s = state();
  s.stopping = true;
  clearInterval(s.timer);
  s.timer = undefined;
  const until = Date.now() + ms;
  while ((s.draining > 0 || s.inline > 0) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The innermost message: a query wrapper's own message lists the parameters, the payload. */
export function errorText(error: unknown): string {
  let e: unknown = error;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}
