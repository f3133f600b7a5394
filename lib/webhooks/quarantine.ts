import "server-only";
import { getDb } from "@/db/client";
import { insertQuarantined, listQuarantined, releaseQuarantined } from "@/db/queries/quarantine";
import { recordAudit } from "@/lib/audit/record";
import { callbackHeaders } from "@purwantara/contract";
import { getEnv } from "@/lib/env";
import { callbackSecrets, type CallbackSecret } from "@/lib/gateway/config";
import { logSafeError } from "./failures";
import { ingestVerified } from "./ingest";
import { countRejection, sampleHeaders } from "./rejections";
import { storableText } from "./sanitize";
import { usableSecrets, verifyDelivery } from "./verify";

/** [chosen] The quarantine's bounds: per hour of arrivals, and how long anything stays. */
const bounds = { maxBytesPerHour: 10 * 1024 * 1024, keepDays: 30 };
/** What may wait in memory for the next write: beyond it, new ones are dropped (and counted). */
const maxPendingBytes = 2 * 1024 * 1024;
const flushEveryMs = 500;
const hexSha256 = /^[0-9a-f]{64}$/i;

type Entry = { deliveryId: string | null; headers: Record<string, string>; rawBody: Buffer };
type State = {
  pending: Entry[];
  bytes: number;
  timer: NodeJS.Timeout | null;
  flushing: Promise<void> | null;
};
const holder = globalThis as typeof globalThis & { __purwantaraQuarantine?: State };
const state = (): State =>
  (holder.__purwantaraQuarantine ??= { pending: [], bytes: 0, timer: null, flushing: null });

/**
 * Keeps a delivery whose `Signature` is well-formed but matches no secret, whole, so
 * that after a secret is fixed an admin can re-verify and apply it. The answer (401)
 * never waits: deliveries are batched in memory and written twice a second; beyond
 * the bounds the oldest are dropped, and counted.
 */
export function quarantineDelivery(headers: Headers, rawBody: Buffer): void {
  const signature = headers.get(callbackHeaders.signature)?.trim() ?? "";
  if (!hexSha256.test(signature)) return;
  const s = state();
  if (s.bytes + rawBody.length > maxPendingBytes) {
    countRejection("quarantine_dropped", { method: "POST", headers }, null, rawBody.length);
    return;
  }
  const deliveryId = headers.get(callbackHeaders.delivery)?.trim().slice(0, 200) ?? null;
  // The signature is kept (sampleHeaders drops it): re-verifying needs it.
  s.pending.push({
    deliveryId: deliveryId && storableText(deliveryId),
    headers: { ...sampleHeaders(headers), signature },
    rawBody,
  });
  s.bytes += rawBody.length;
  s.timer ??= setTimeout(() => void flushQuarantine(), flushEveryMs);
  s.timer.unref?.();
}

/** Writes what waits now (tests await it; the timer calls it otherwise). */
export async function flushQuarantine(): Promise<void> {
  const s = state();
  if (s.timer) clearTimeout(s.timer);
  s.timer = null;
  await s.flushing;
  const entries = s.pending;
  if (entries.length === 0) return;
  s.pending = [];
  s.bytes = 0;
  s.flushing = insertQuarantined(entries, bounds)
    .then((dropped) => {
      for (let i = 0; i < dropped; i += 1) {
        countRejection("quarantine_dropped", { method: "POST", headers: new Headers() }, null, 0);
      }
    })
    .catch((error: unknown) =>
      logSafeError("webhook: could not quarantine deliveries", null, error),
    )
    .finally(() => {
      s.flushing = null;
    });
  await s.flushing;
}

export type ReverifyResult = { checked: number; released: number; unmatched: number };

/**
 * Re-verifies every quarantined delivery against today's secrets (an admin, after
 * fixing one): each that now matches goes into the inbox in the mode its secret
 * proves, and is applied like any delivery; the rest stay. Audited.
 */
export async function reverifyQuarantine(
  actor: { id: string; ip: string | null },
  configured?: readonly CallbackSecret[],
): Promise<ReverifyResult> {
  const env = getEnv();
  const secrets = usableSecrets(configured ?? (await callbackSecrets()), {
    production: env.nodeEnv === "production",
    localDemo: env.localDemo,
  });
  const rows = await listQuarantined(getDb(), 1000);
  const result: ReverifyResult = { checked: rows.length, released: 0, unmatched: 0 };
  for (const row of rows) {
    const verdict = verifyDelivery(row.rawBody, row.headers.signature, secrets);
    if (!verdict.ok) {
      result.unmatched += 1;
      continue;
    }
    const answer = await ingestVerified(
      {
        rawBody: row.rawBody,
        headers: new Headers(row.headers),
        mode: verdict.mode,
        verifiedWith: verdict.slot,
      },
      10_000,
    );
    if (answer.kind === "unavailable") break;
    await releaseQuarantined(getDb(), row.id, null);
    result.released += 1;
  }
  await recordAudit(getDb(), {
    actorId: actor.id,
    ip: actor.ip,
    mode: null,
    action: "callback.reverified",
    details: result,
  });
  return result;
}
