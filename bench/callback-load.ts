/**
 * Callback load for `npm run bench`: signed deliveries over HTTP in a closed loop
 * (`concurrency` senders) or an open loop (a steady rate, latency from when each was due).
 */
import http from "node:http";
import { localCallbackSecret } from "@purwantara/contract";
import { signCallbackBody } from "@purwantara/contract/signature";
import { percentile } from "./stats";

export type Item = { body: Buffer; deliveryId: string };
export type Figures = {
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<number, number>;
};

// A keep-alive agent, as a sender would have: the client must not be the bottleneck.
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

function post(url: URL, item: Item): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "Content-Type": "application/json",
          "Content-Length": item.body.length,
          "User-Agent": "PPN-WH",
          "X-PPN-Delivery": item.deliveryId,
          Signature: signCallbackBody(item.body, localCallbackSecret),
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(item.body);
  });
}

function figures(latencies: number[], statuses: Map<number, number>, seconds: number): Figures {
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    perSecond: Math.round(latencies.length / seconds),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    statuses: Object.fromEntries(statuses),
  };
}

/** A closed loop: `concurrency` senders, each sending its next as soon as one is answered. */
export async function fire(url: string, items: Item[], concurrency: number): Promise<Figures> {
  const target = new URL(url);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        const t0 = performance.now();
        const status = await post(target, item).catch(() => 0);
        latencies.push(performance.now() - t0);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return figures(latencies, statuses, (performance.now() - started) / 1000);
}

/**
 * An open loop: one request every 1/rate s whatever the answers do, each latency
 * counted from when it was due, so a stall shows in the figures instead of slowing
 * the sender.
 */
export async function offer(
  url: string,
  items: Item[],
  perSecond: number,
): Promise<Figures & { offered: number }> {
  const target = new URL(url);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const interval = 1000 / perSecond;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < items.length; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      post(target, items[i]!)
        .catch(() => 0)
        .then((status) => {
          latencies.push(performance.now() - due);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }),
    );
  }
  await Promise.all(pending);
  const result = figures(latencies, statuses, (performance.now() - started) / 1000);
  return { offered: perSecond, ...result };
}

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
