import type { KnownStatus } from "@purwantara/contract";
import type { CallbackDispatcher } from "./callbacks";
import { productModule } from "./channels";
import { phpJsonEncode } from "@purwantara/contract/php-json";
import type { Store } from "./store";
import type { ProductKey, Transaction } from "./types";

interface Transition {
  from: readonly KnownStatus[];
  to: KnownStatus;
  /** The button's label; lowercased, the verb in messages. */
  label: string;
  /** Only these products; all when absent. */
  products?: readonly ProductKey[];
}

const transitionTable = {
  pay: { from: ["ACTIVE"], to: "PAID", label: "Pay" },
  expire: { from: ["ACTIVE"], to: "EXPIRED", label: "Expire" },
  settle: { from: ["PAID"], to: "SETTLED", label: "Settle" },
  fail: { from: ["ACTIVE"], to: "FAILED", label: "Fail" },
  // [seen] only VAs have a cancel endpoint.
  cancel: { from: ["ACTIVE"], to: "CANCELLED", label: "Cancel", products: ["virtual-account"] },
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof transitionTable;

/** What the simulator and the test controls can do to a transaction. */
export const transitions: Record<TransitionName, Transition> = transitionTable;

export const transitionNames = Object.keys(transitions) as TransitionName[];

export function isTransitionName(name: string): name is TransitionName {
  return Object.hasOwn(transitions, name);
}

function appliesTo(tx: Transaction, name: TransitionName): boolean {
  return transitions[name].products?.includes(tx.product) ?? true;
}

export function canApply(tx: Transaction, name: TransitionName): boolean {
  const from: readonly string[] = transitions[name].from;
  return appliesTo(tx, name) && from.includes(tx.status);
}

function refusal(tx: Transaction, name: TransitionName): string {
  const transition = transitions[name];
  const why = appliesTo(tx, name)
    ? `it is ${tx.status}`
    : `only a ${transition.products?.join(" or ")} can`;
  return `Cannot ${transition.label.toLowerCase()} “${tx.title}”: ${why}.`;
}

export interface LifecycleDeps {
  store: Store;
  callbacks: CallbackDispatcher;
  now(): Date;
}

/** How the buyer paid, for `event.channel` and `event.meta` in callbacks. */
export interface PaidWith {
  channel?: string;
  customerPhone?: string | null;
}

export type TransitionResult =
  | { ok: true; transaction: Transaction; deliveryId: string; callbackDropped: boolean }
  | { ok: false; reason: "not-found" | "not-allowed"; message: string };

function changed(
  tx: Transaction,
  name: TransitionName,
  at: string,
  paidWith: PaidWith,
): Transaction {
  const to = transitions[name].to;
  if (name === "pay") {
    const channel = paidWith.channel ?? tx.paidWith.channel;
    const customerPhone =
      paidWith.customerPhone !== undefined ? paidWith.customerPhone : tx.paidWith.customerPhone;
    return { ...tx, status: to, paidAt: at, paidWith: { channel, customerPhone } };
  }
  return name === "settle" ? { ...tx, status: to, settleAt: at } : { ...tx, status: to };
}

function callbackBody(tx: Transaction): string {
  const product = productModule(tx.product);
  if (!product) throw new Error(`no product module for ${tx.product}`);
  return phpJsonEncode(product.callbackPayload(tx));
}

/** Applies a status change and queues its callback, as Purwantara notifies every change. */
export function applyTransition(
  deps: LifecycleDeps,
  uuid: string,
  name: TransitionName,
  paidWith: PaidWith = {},
): TransitionResult {
  const tx = deps.store.getTransaction(uuid);
  if (!tx) return { ok: false, reason: "not-found", message: `No transaction ${uuid}.` };
  if (!canApply(tx, name)) return { ok: false, reason: "not-allowed", message: refusal(tx, name) };
  const updated = changed(tx, name, deps.now().toISOString(), paidWith);
  deps.store.putTransaction(updated);
  const body = callbackBody(updated);
  const delivery = deps.callbacks.enqueue({
    uuid,
    status: updated.status,
    body,
    reason: "status-change",
  });
  return {
    ok: true,
    transaction: updated,
    deliveryId: delivery.deliveryId,
    callbackDropped: delivery.state === "dropped",
  };
}

export interface RedeliverOptions {
  /** Reuse the delivery id of the resent callback instead of a fresh one. */
  sameDeliveryId?: boolean;
  /** Resend this earlier delivery (to deliver out of order); default the latest. */
  deliveryId?: string;
}

/**
 * Sends a callback body again, as Purwantara may: the latest one by default (or the
 * current state if none was sent yet), or a chosen earlier one.
 */
export function redeliver(
  deps: LifecycleDeps,
  uuid: string,
  options: RedeliverOptions,
): TransitionResult {
  const tx = deps.store.getTransaction(uuid);
  if (!tx) return { ok: false, reason: "not-found", message: `No transaction ${uuid}.` };
  const sent = deps.store.listDeliveries(uuid);
  const source =
    options.deliveryId === undefined
      ? sent.at(-1)
      : sent.find((d) => d.deliveryId === options.deliveryId);
  if (options.deliveryId !== undefined && !source) {
    return {
      ok: false,
      reason: "not-found",
      message: `No delivery ${options.deliveryId} for ${uuid}.`,
    };
  }
  const delivery = deps.callbacks.enqueue({
    uuid,
    status: source?.status ?? tx.status,
    body: source?.body ?? callbackBody(tx),
    reason: "redelivery",
    deliveryId: options.sameDeliveryId && source ? source.deliveryId : undefined,
  });
  return {
    ok: true,
    transaction: tx,
    deliveryId: delivery.deliveryId,
    callbackDropped: delivery.state === "dropped",
  };
}
