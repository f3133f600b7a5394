import "server-only";
import {
  addRejections,
  samplesPerReasonPerHour,
  type RejectionCount,
  type RejectionReason,
  type RejectionSampleInput,
} from "@/db/queries/callback-rejections";
import { logSafeError } from "./failures";

/**
 * Junk is cheap: a refused request (no or bad signature, too large, wrong method) is
 * counted in memory per reason per minute and written at most once a second as one
 * upsert (`count = count + n`), with a few samples (5 per reason per hour, the first
 * 1 KiB of the body, headers without secrets). The answer never waits for it, and a
 * flood of any size costs a handful of rows. Counts of the last second are lost if
 * the process dies.
 */
const flushEveryMs = 1000;
const sampleBodyBytes = 1024;
// Not worth keeping, and secrets or credentials in some cases.
const droppedHeaders = new Set(["authorization", "cookie", "proxy-authorization", "signature"]);

type Pending = { counts: Map<string, RejectionCount>; samples: RejectionSampleInput[] };
type State = {
  pending: Pending;
  /** Samples taken per reason in the current hour, in this process. */
  sampled: Map<string, number>;
  hour: number;
  timer: NodeJS.Timeout | null;
  flushing: Promise<void> | null;
};
let current: State | null = null;
function state(): State {
  return (current ??= {
    pending: { counts: new Map(), samples: [] },
    sampled: new Map(),
    hour: 0,
    timer: null,
    flushing: null,
  });
}

/** Headers worth keeping with a sample: no cookies, credentials or signature. */
export function sampleHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of headers.entries()) {
    if (!droppedHeaders.has(name)) kept[name] = value.slice(0, 500);
  }
  if (headers.has("signature"))
    kept.signature = `(${headers.get("signature")!.length} characters, not kept)`;
  return kept;
}

/** Counts one refused request; `body` is what was read of it (nothing for an oversized one). */
export function countRejection(
  reason: RejectionReason,
  request: { method: string; headers: Headers },
  body: Buffer | null,
  bodyBytes: number,
): void {
  const s = state();
  const now = new Date();
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const key = `${minute.getTime()}|${reason}`;
  const entry = s.pending.counts.get(key);
  if (entry) {
    entry.count += 1;
    entry.lastAt = now;
  } else {
    s.pending.counts.set(key, { minute, reason, count: 1, lastAt: now });
  }
  const hour = Math.floor(now.getTime() / 3_600_000);
  if (hour !== s.hour) {
    s.hour = hour;
    s.sampled.clear();
  }
  const taken = s.sampled.get(reason) ?? 0;
  if (taken < samplesPerReasonPerHour) {
    s.sampled.set(reason, taken + 1);
    s.pending.samples.push({
      at: now,
      reason,
      method: request.method.slice(0, 20),
      headers: sampleHeaders(request.headers),
      bodyStart: Buffer.from((body ?? Buffer.alloc(0)).subarray(0, sampleBodyBytes)),
      bodyBytes,
    });
  }
  s.timer ??= setTimeout(() => void flushRejections(), flushEveryMs);
  s.timer.unref?.();
}

/** Writes what is pending now (tests await it; the timer calls it otherwise). */
export async function flushRejections(): Promise<void> {
  const s = state();
  if (s.timer) clearTimeout(s.timer);
  s.timer = null;
  await s.flushing;
  const { counts, samples } = s.pending;
  if (counts.size === 0 && samples.length === 0) return;
  s.pending = { counts: new Map(), samples: [] };
  s.flushing = addRejections([...counts.values()], samples)
    .catch((error: unknown) => {
      // The database is away: keep the counts for the next try (a few keys), drop the samples.
      logSafeError("webhook: could not record rejected requests", null, error);
      for (const [key, c] of counts) {
        const now = s.pending.counts.get(key);
        if (now) now.count += c.count;
        else s.pending.counts.set(key, c);
      }
      s.timer ??= setTimeout(() => void flushRejections(), flushEveryMs * 5);
      s.timer.unref?.();
    })
    .finally(() => {
      s.flushing = null;
    });
  await s.flushing;
}
