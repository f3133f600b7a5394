import { backoffSeconds } from "@/lib/jobs/row-tries";

/** How the relay tries: how long a try may hold a row, how far apart, for how long. */
export type RelaySettings = {
  leaseSeconds: number;
  retryBaseSeconds: number;
  retryMaxSeconds: number;
  /** An endpoint failing this long (every try since) is paused. */
  pauseAfterSeconds: number;
  timeoutMs: number;
};

/** [chosen] Events are tried for three days from when they were written (or replayed). */
export const relayGiveUpAfterSeconds = 3 * 24 * 3600;

/** [chosen] After a rotation the old secret signs beside the new one for a day. */
export const relaySecretOverlapSeconds = 24 * 3600;

/** [chosen] 30 s, 1, 2, 4… minutes apart, at most 6 hours; paused after a day of failures. */
export const defaultRelaySettings: RelaySettings = {
  leaseSeconds: 60,
  retryBaseSeconds: 30,
  retryMaxSeconds: 6 * 3600,
  pauseAfterSeconds: 24 * 3600,
  timeoutMs: 10_000,
};

/** The wait after the `tries`-th failed try: doubling from the base, capped. */
export function relayRetryDelaySeconds(tries: number, settings: RelaySettings): number {
  return backoffSeconds(tries, settings);
}
