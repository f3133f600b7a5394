import type { DeliveryOutcome, NewTransaction, Transaction } from "@/db/schema";
import type { CallbackWrite } from "@/db/queries/webhooks";
import { getChannelModule } from "@/channels/server";
import {
  doublesOf,
  isPaidState,
  newPaymentDoubles,
  noDoubles,
} from "@/lib/payments/double-payments";
import type { TransactionFlag } from "@/lib/payments/flags";
import { stateForStatus } from "@/lib/payments/lifecycle";
import { callbackTime, channelForCallback, readCallbackTime } from "@purwantara/contract/callback";
import type { CallbackCheck, Finding } from "./checks";
import { deliveryValues, prepare, type ReceivedDelivery } from "./delivery";
import { callbackBuyerPhone } from "./doubles";
import { heldFlags, sameDecimal, verdictFor, withNotes } from "./verdict";

/** What the database holds for a delivery, read under its locks (db/queries/webhooks.ts). */
export type PlanContext = {
  /** The handled delivery with this id in this mode (none for a replay). */
  earlier: { id: string; sameBody: boolean } | null;
  /** The row with this uuid in the mode. */
  byUuid: Transaction | null;
  /** The bill's first row: the row with this external_id in the mode that no other row links to. */
  bill: Transaction | null;
  /** The bill's payments other than `byUuid`. */
  others: Transaction[];
  /**
   * Paid payments of the mode with the buyer's phone, paid near this delivery (read under
   * the buyer's lock, only when it could make a payment paid): maybe-paid-twice partners.
   */
  sameBuyer: Transaction[];
};

export type Plan = { outcome: DeliveryOutcome; write: CallbackWrite };

/** A person accepted a held delivery: the value holds no longer stop it (see replay.ts). */
export type PlanOptions = { accept?: boolean; now?: Date };

const unique = (flags: readonly string[]) => [...new Set(flags)].sort();

/**
 * The one decision on a signed delivery: from the delivery and what the database
 * holds, every write it makes (outcome, reason, new or changed row, flags, event).
 * Every money-in rule lives here or in what it calls (checks, lifecycle, verdict);
 * db/queries/webhooks.ts only carries the plan out.
 */
export function planDelivery(
  received: ReceivedDelivery,
  ctx: PlanContext,
  options: PlanOptions = {},
): Plan {
  const { delivery, check, extra } = prepare(received);
  const named = ctx.byUuid ?? ctx.bill;
  const held = (outcome: DeliveryOutcome, reason: string, flags: readonly TransactionFlag[]) =>
    plain(delivery, outcome, reason, named?.id ?? null, named ? heldFlags(flags) : []);

  if (ctx.earlier && !delivery.replayOf) {
    if (ctx.earlier.sameBody) {
      return plain(
        delivery,
        "duplicate",
        `delivery ${delivery.deliveryId} was already processed`,
        null,
        [],
      );
    }
    return held(
      "conflict",
      `delivery ${delivery.deliveryId} was already processed (row ${ctx.earlier.id}) with a different body; not applied`,
      ["conflicting_delivery"],
    );
  }
  // Our own row for the bill, whose create answer (the uuid) is not stored yet, is this payment.
  const row = ctx.byUuid ?? (ctx.bill && !ctx.bill.purwantaraUuid ? ctx.bill : null);
  let checked: Extract<CallbackCheck, { ok: true }>;
  let acceptedNote: string | null = null;
  if (check.ok) {
    checked = check;
  } else if (!options.accept) {
    return held("needs_review", check.reason, check.flags);
  } else if (!row) {
    return held(
      "needs_review",
      `${check.reason}; no transaction of this mode to accept it for`,
      check.flags,
    );
  } else {
    checked = { ok: true, amount: row.amount, findings: [] };
    acceptedNote = `accepted by a person despite: ${check.reason}; our record's amount ${row.amount} is used`;
  }
  if (!row) return planNewPayment(delivery, ctx, checked, extra);
  if (options.accept && !sameDecimal(checked.amount, row.amount)) {
    acceptedNote = `accepted by a person: amount ${checked.amount} differs from our record ${row.amount}, which stands`;
    checked = { ...checked, amount: row.amount };
  }
  const said = { confirmed: check.ok ? check.amount : null, acceptedNote };
  return planExisting(delivery, row, ctx, checked, extra, said, check.ok ? [] : check.flags);
}

/** A delivery for a row we hold: the lifecycle decides; paid times and paid-twice are settled here. */
function planExisting(
  delivery: ReceivedDelivery,
  row: Transaction,
  ctx: PlanContext,
  checked: Extract<CallbackCheck, { ok: true }>,
  extra: readonly Finding[],
  /** The amount Purwantara said (when it passed the checks), and why a person let it pass. */
  said: { confirmed: string | null; acceptedNote: string | null },
  checkFlags: readonly TransactionFlag[],
): Plan {
  const verdict = verdictFor(row, delivery.payload, checked, extra);
  if (verdict.kind === "held" || verdict.decision.outcome === "needs_review") {
    const flags = verdict.kind === "held" ? verdict.flags : heldFlags(checkFlags);
    return plain(delivery, "needs_review", verdict.reason, row.id, flags);
  }
  const { decision } = verdict;
  const changes: Partial<NewTransaction> = { ...decision.changes };
  if (said.confirmed && !sameDecimal(said.confirmed, row.confirmedAmount ?? "")) {
    changes.confirmedAmount = said.confirmed;
  }
  const notes: string[] = [];
  const removed = new Set<string>();
  // A paid time taken from when we received the PAID gives way to the one Purwantara sends.
  const sentPaidAt = readCallbackTime(delivery.payload.paid_at);
  if (
    sentPaidAt &&
    row.flags.includes("paid_without_time") &&
    isPaidState(changes.state ?? row.state)
  ) {
    changes.paidAt = sentPaidAt.at;
    removed.add("paid_without_time");
    notes.push(`paid time corrected to ${sentPaidAt.at.toISOString()}`);
  }
  const newlyPaid = isPaidState(changes.state) && !isPaidState(row.state);
  // Only a payment becoming paid looks for its doubles: a later callback does not again.
  const doubles = newlyPaid
    ? doublesOf(
        { ...row, state: changes.state ?? row.state, paidAt: changes.paidAt ?? row.paidAt },
        ctx.others,
        ctx.sameBuyer,
      )
    : noDoubles;
  const added = [...verdict.flags, ...doubles.flags];
  notes.push(...doubles.notes);
  const flags = unique([...row.flags, ...added].filter((f) => !removed.has(f)));
  if (flags.join() !== row.flags.join()) changes.flags = flags;
  const reason = withNotes(verdict.reason, [...notes, said.acceptedNote, delivery.note]);
  const to = changes.state;
  return {
    outcome: decision.outcome,
    write: {
      delivery: deliveryValues(delivery, decision.outcome, reason, row.id),
      insert: null,
      update: Object.keys(changes).length > 0 ? { id: row.id, changes } : null,
      flagRows: doubles.flagRows,
      event:
        decision.outcome === "applied" && to
          ? {
              fromState: row.state,
              toState: to,
              rawStatus: delivery.payload.status,
              note: to === row.state ? reason : null,
            }
          : null,
    },
  };
}

/**
 * A payment we do not hold: first seen here (made outside the dashboard), or another
 * payment of a bill we hold (same external_id, another uuid), linked to its first row.
 * Money that came is never answered "duplicate": it is recorded.
 */
function planNewPayment(
  delivery: ReceivedDelivery,
  ctx: PlanContext,
  check: Extract<CallbackCheck, { ok: true }>,
  extra: readonly Finding[],
): Plan {
  const p = delivery.payload;
  const channel = channelForCallback(p) ?? (ctx.bill ? ctx.bill.channel : null);
  const state = stateForStatus(p.status) ?? "active";
  const findings: Finding[] = [...check.findings, ...extra];
  if (!channel && p.event?.type == null) {
    findings.push({ flag: "unknown_channel", note: "no event.type; stored as a payment link" });
  }
  const customerPhone = ctx.bill?.customerPhone ?? callbackBuyerPhone(p);
  const paidAt = callbackTime(p.paid_at) ?? (isPaidState(state) ? new Date() : null);
  const doubles = newPaymentDoubles(ctx.bill, ctx.others, ctx.sameBuyer, {
    state,
    amount: check.amount,
    customerPhone,
    paidAt,
  });
  const flags: string[] = [...findings.map((f) => f.flag), ...doubles.flags];
  if (!ctx.bill) flags.push("outside_dashboard");
  const reason = withNotes(
    ctx.bill
      ? `another payment of bill ${p.external_id} (first recorded as ${ctx.bill.id}); recorded from the callback`
      : "no transaction with this uuid or external_id; recorded from the callback",
    [...findings.map((f) => f.note), ...doubles.notes, delivery.note],
  );
  const values: NewTransaction = {
    mode: delivery.mode,
    channel: channel ?? "payment-link",
    paymentChannel: p.event?.channel ?? null,
    externalId: p.external_id ?? null,
    purwantaraUuid: p.uuid,
    billId: ctx.bill?.id ?? null,
    title: p.title ?? ctx.bill?.title ?? null,
    description: p.description ?? null,
    amount: check.amount,
    confirmedAmount: check.amount,
    rawStatus: p.status,
    state,
    ...(channel ? getChannelModule(channel)?.callbackFacts(p) : {}),
    expiresAt: callbackTime(p.expires_at ?? p.expired_at),
    customerPhone,
    // A paid row without a paid time takes the time received (flagged).
    paidAt,
    settledAt: callbackTime(p.settle_at),
    lastResponse: p,
    flags: unique(flags),
  };
  return {
    outcome: "unmatched",
    write: {
      delivery: deliveryValues(delivery, "unmatched", reason, null),
      insert: values,
      update: null,
      flagRows: doubles.flagRows,
      event: {
        fromState: null,
        toState: state,
        rawStatus: p.status,
        note: ctx.bill ? "another payment of the same bill" : "first seen in a callback",
      },
    },
  };
}

/** A plan that changes no transaction but (for a held delivery) its flags. */
function plain(
  delivery: ReceivedDelivery,
  outcome: DeliveryOutcome,
  reason: string,
  transactionId: string | null,
  flags: readonly TransactionFlag[],
): Plan {
  const named = outcome === "duplicate" ? null : transactionId;
  return {
    outcome,
    write: {
      delivery: deliveryValues(delivery, outcome, withNotes(reason, [delivery.note]), named),
      insert: null,
      update: null,
      flagRows: named && flags.length > 0 ? [{ id: named, flags: [...flags] }] : [],
      event: null,
    },
  };
}
