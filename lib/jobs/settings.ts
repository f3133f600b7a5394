import { z } from "zod";

/**
 * Background jobs' configuration, from the environment (see .env.example). Kept apart
 * from lib/env-schema.ts so scripts and tests can read it without a database URL.
 */
const schema = z.object({
  JOBS: z.enum(["on", "off", "email"], { message: "must be on, off or email" }).default("on"),
  SWEEP_CRON: z
    .string()
    .trim()
    .min(9, "must be a cron expression, e.g. */5 * * * *")
    .default("* * * * *"),
  SWEEP_BATCH: z.coerce.number().int().min(1).max(1000).default(100),
  SWEEP_RATE_PER_SECOND: z.coerce.number().min(0.1).max(50).default(5),
  SWEEP_SILENT_MINUTES: z.coerce.number().int().min(1).max(10_080).default(15),
  SWEEP_UNCONFIRMED_MINUTES: z.coerce.number().int().min(1).max(10_080).default(5),
});

export type SweepSettings = {
  /** Rows asked about per mode per run; the rest wait for the next run. */
  batch: number;
  /** Gateway requests per second per mode, at most. */
  ratePerSecond: number;
  silentAfterSeconds: number;
  unconfirmedAfterSeconds: number;
  /** A payment past its expiry by this much is asked once more, whatever its backoff. */
  expiryGraceSeconds: number;
  /** First wait after a check that changed nothing; doubles each time, up to the max. */
  backoffBaseSeconds: number;
  backoffMaxSeconds: number;
  /** This many failed rows in a row stop the mode's run: the gateway is down. */
  maxConsecutiveFailures: number;
  /** A run stops taking rows after this long, well within its job's expiry. */
  timeBudgetMs: number;
};

export type JobSettings = {
  /** Any job in this process (JOBS=on or email). */
  enabled: boolean;
  /** The status sweep runs here (JOBS=on). */
  sweepEnabled: boolean;
  /** The outbox's email and the relay's events are sent from here (JOBS=on or email). */
  emailEnabled: boolean;
  sweepCron: string;
  sweep: SweepSettings;
};

export function parseJobSettings(source: Record<string, string | undefined>): JobSettings {
  const blankless = Object.fromEntries(
    Object.keys(schema.shape).map((k) => [k, source[k] === "" ? undefined : source[k]]),
  );
  const parsed = schema.safeParse(blankless);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid background job settings:\n${lines.join("\n")}\nSee .env.example.`);
  }
  const raw = parsed.data;
  return {
    enabled: raw.JOBS !== "off",
    sweepEnabled: raw.JOBS === "on",
    emailEnabled: raw.JOBS !== "off",
    sweepCron: raw.SWEEP_CRON,
    sweep: {
      batch: raw.SWEEP_BATCH,
      ratePerSecond: raw.SWEEP_RATE_PER_SECOND,
      silentAfterSeconds: raw.SWEEP_SILENT_MINUTES * 60,
      unconfirmedAfterSeconds: raw.SWEEP_UNCONFIRMED_MINUTES * 60,
      expiryGraceSeconds: 60,
      backoffBaseSeconds: 5 * 60,
      backoffMaxSeconds: 6 * 60 * 60,
      maxConsecutiveFailures: 5,
      timeBudgetMs: 4 * 60_000,
    },
  };
}

/** Seconds to wait before asking again after `attempts` checks that changed nothing. */
export function backoffSeconds(attempts: number, sweep: SweepSettings): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 20));
  return Math.min(sweep.backoffBaseSeconds * 2 ** exponent, sweep.backoffMaxSeconds);
}
