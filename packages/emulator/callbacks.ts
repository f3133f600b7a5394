import { randomUUID } from "node:crypto";
import { callbackHeaders } from "@purwantara/contract";
import { signCallbackBody } from "@purwantara/contract/signature";
import { CallbackDrops } from "./callback-drops";
import { postCallback, type PostOutcome } from "./callback-http";
import type { Store } from "./store";
import type { Delivery } from "./types";

export interface CallbackConfig {
  url: string;
  secret: string;
  tries: number;
  timeoutMs: number;
  /** Wait after try 1, try 2, ...; the last value repeats if there are more tries. */
  backoffMs: readonly number[];
}

export type Logger = (line: string) => void;

export interface EnqueueRequest {
  uuid: string;
  status: string;
  body: string;
  reason: Delivery["reason"];
  deliveryId?: string;
}

function isSuccess(outcome: PostOutcome): boolean {
  return outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
}

/**
 * Delivers callbacks the way Purwantara's Laravel webhook sender does: a signed POST,
 * retried on any non-2xx, network error or timeout, with waits in between. Every try
 * is recorded in the store, and the time of the next one too, so a restart resumes.
 */
export class CallbackDispatcher {
  private timers = new Map<number, NodeJS.Timeout>();
  private inFlight = new Map<number, { controller: AbortController; done: Promise<void> }>();
  private closed = false;
  /** Callbacks to record but not send; in memory only, like the API's injected faults. */
  readonly drops = new CallbackDrops();

  constructor(
    private readonly store: Store,
    private readonly config: CallbackConfig,
    private readonly log: Logger,
  ) {}

  get callbackUrl(): string {
    return this.config.url;
  }

  get tries(): number {
    return this.config.tries;
  }

  /** Records the delivery and sends it, unless a drop was asked for: then it is only recorded. */
  enqueue(request: EnqueueRequest): Delivery {
    const now = new Date().toISOString();
    const dropped = this.drops.take(request.uuid);
    const delivery = this.store.addDelivery({
      deliveryId: request.deliveryId ?? randomUUID(),
      uuid: request.uuid,
      status: request.status,
      reason: request.reason,
      body: request.body,
      createdAt: now,
      state: dropped ? "dropped" : "pending",
      attempts: [],
      nextAttemptAt: dropped ? null : now,
    });
    if (dropped) this.log(`callback ${delivery.uuid} ${delivery.status} dropped, as asked`);
    else this.schedule(delivery);
    return delivery;
  }

  /** Picks up deliveries left pending by an earlier run. */
  resume(): void {
    for (const delivery of this.store.listDeliveries()) {
      if (delivery.state === "pending" && !this.timers.has(delivery.seq)) this.schedule(delivery);
    }
  }

  /** Stops every scheduled and running try; an interrupted try is not recorded. */
  cancelAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const { controller } of this.inFlight.values()) controller.abort();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cancelAll();
    await Promise.allSettled([...this.inFlight.values()].map((f) => f.done));
  }

  private schedule(delivery: Delivery): void {
    if (this.closed) return;
    const due = delivery.nextAttemptAt ? Date.parse(delivery.nextAttemptAt) : Date.now();
    const timer = setTimeout(
      () => {
        this.timers.delete(delivery.seq);
        this.start(delivery.seq);
      },
      Math.max(0, due - Date.now()),
    );
    // The HTTP server keeps the process alive; a pending retry alone should not.
    timer.unref();
    this.timers.set(delivery.seq, timer);
  }

  private start(seq: number): void {
    const controller = new AbortController();
    const done = this.attempt(seq, controller.signal).finally(() => this.inFlight.delete(seq));
    this.inFlight.set(seq, { controller, done });
  }

  private async attempt(seq: number, signal: AbortSignal): Promise<void> {
    const delivery = this.store.getDelivery(seq);
    if (!delivery || delivery.state !== "pending") return;
    const at = new Date().toISOString();
    const url = this.config.url;
    const bytes = Buffer.from(delivery.body, "utf8");
    const outcome = await postCallback(
      url,
      this.headers(delivery, bytes),
      bytes,
      this.config.timeoutMs,
      signal,
    );
    if (signal.aborted) return;
    const attempts = [...delivery.attempts, { at, url, ...outcome }];
    const updated = this.store.updateDelivery(seq, {
      attempts,
      ...this.nextStep(outcome, attempts.length),
    });
    const result = outcome.status ?? outcome.error;
    this.log(
      `callback ${delivery.uuid} ${delivery.status} try ${attempts.length}: ${result} ${outcome.ms}ms`,
    );
    if (updated?.state === "pending") this.schedule(updated);
  }

  private nextStep(
    outcome: PostOutcome,
    triesSoFar: number,
  ): Pick<Delivery, "state" | "nextAttemptAt"> {
    if (isSuccess(outcome)) return { state: "delivered", nextAttemptAt: null };
    if (triesSoFar >= this.config.tries) return { state: "failed", nextAttemptAt: null };
    const backoff = this.config.backoffMs;
    const wait = backoff[triesSoFar - 1] ?? backoff[backoff.length - 1] ?? 0;
    return { state: "pending", nextAttemptAt: new Date(Date.now() + wait).toISOString() };
  }

  /** Named and capitalised as Purwantara sends them; contract.ts holds the names receivers read. */
  private headers(delivery: Delivery, bytes: Buffer): Record<string, string> {
    return {
      Accept: "*/*",
      "Content-Type": "application/json",
      "User-Agent": callbackHeaders.userAgent,
      Signature: signCallbackBody(bytes, this.config.secret),
      "X-PPN-Delivery": delivery.deliveryId,
      "Content-Length": String(bytes.length),
    };
  }
}
