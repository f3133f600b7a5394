import "server-only";
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { DbOrTx } from "@/db/client";
import {
  countAttempt,
  deleteLoginCounters,
  pruneLoginCounters,
  recordSuccess,
  uncountAttempt,
} from "@/db/queries/login-attempts";
import { pruneOldSessions } from "@/db/queries/sessions";
import { addressGroup } from "@/lib/http/address-group";
import { clientAddress, trustedProxies } from "@/lib/http/peer-address";

/**
 * [chosen] Guessing limits. Design:
 * - Per (account, address) pair: 10 tries per 15 minutes, then refused. Only this pair
 *   is refused, so a stranger guessing from elsewhere cannot lock the owner out.
 * - Per address: 50 tries per 15 minutes across all accounts (spraying), then refused.
 * - Per account, from anywhere: slowed past 5 tries in the window (every further try
 *   waits 100 ms × 2^(n−5), at most 5 s, before it is answered), and locked past 20
 *   failures in an hour from all addresses together (ASVS asks at most 100 an hour):
 *   rotating addresses buys no more guesses. The lock lasts until the hour is over or
 *   an admin forces a password reset (lib/team/members.ts).
 * - A known address (one that signed in to the account within 30 days: a known pair)
 *   is neither slowed nor locked, so the owner signs in at once from their usual
 *   address even while strangers have locked the account.
 * Addresses are counted as their group: IPv4 as is, IPv6 by /64 (address-group.ts).
 * Every count is reserved with one atomic upsert BEFORE the password is checked, so
 * parallel attempts cannot get more tries than the limit, and a refused attempt is
 * never hashed.
 */
export const loginLimits = {
  windowMinutes: 15,
  perPair: 10,
  perAddress: 50,
  accountSlowAfter: 5,
  accountDelayMs: { base: 100, max: 5000 },
  /** [chosen] Failures per account per hour from unknown addresses, then locked. */
  accountFailuresPerHour: 20,
  accountLockMinutes: 60,
  knownAddressDays: 30,
  /** Two-factor codes per person, and per address across people, per window. */
  codesPerAccount: 10,
  codesPerAddress: 20,
  /** Wrong codes per pending session, then it ends (the password must be given again). */
  codesPerSession: 5,
  /**
   * [chosen] Wrong codes per person in a day, from all sessions and addresses, then the
   * second step locks until the password changes or an admin forces a reset: someone
   * who has the password cannot keep guessing at 10 codes per 15 minutes for ever.
   */
  codeFailuresPerDay: 30,
} as const;

/** The caller's address: the socket's, or by X-Forwarded-For from TRUSTED_PROXIES (peer-address.ts). */
export function clientIp(headers: Headers): string | null {
  return clientAddress(headers, trustedProxies());
}

function accountKey(email: string): string {
  // Keys carry a digest, not the email: counters are no list of who tried what.
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);
}

const keys = (email: string, ip: string | null) => {
  const account = accountKey(email);
  const group = ip ? addressGroup(ip) : null;
  return {
    pair: `pair:${account}:${group ?? "unknown"}`,
    address: group ? `ip:${group}` : null,
    account: `account:${account}`,
    accountHour: `account-hour:${account}`,
  };
};

export type AttemptVerdict =
  | { allowed: true; delayMs: number; known: boolean }
  | { allowed: false; reason: "pair" | "address" | "account" };

/** Progressive slow-down for an account under attack (see above). */
export function accountDelayMs(accountCount: number): number {
  const over = accountCount - loginLimits.accountSlowAfter;
  if (over <= 0) return 0;
  const { base, max } = loginLimits.accountDelayMs;
  return Math.min(max, base * 2 ** Math.min(over, 16));
}

/** Reserves one sign-in attempt; call before checking the password. */
export async function reserveLoginAttempt(
  email: string,
  ip: string | null,
): Promise<AttemptVerdict> {
  const k = keys(email, ip);
  const { windowMinutes } = loginLimits;
  const pair = await countAttempt(k.pair, windowMinutes);
  if (pair.count > loginLimits.perPair) return { allowed: false, reason: "pair" };
  if (k.address) {
    const address = await countAttempt(k.address, windowMinutes);
    if (address.count > loginLimits.perAddress) return { allowed: false, reason: "address" };
  }
  const known =
    pair.lastSuccessAt !== null &&
    Date.now() - pair.lastSuccessAt.getTime() < loginLimits.knownAddressDays * 86_400_000;
  if (!known) {
    const hour = await countAttempt(k.accountHour, loginLimits.accountLockMinutes);
    if (hour.count > loginLimits.accountFailuresPerHour) {
      return { allowed: false, reason: "account" };
    }
  }
  const account = await countAttempt(k.account, windowMinutes);
  return { allowed: true, delayMs: known ? 0 : accountDelayMs(account.count), known };
}

/** Waits out an account's slow-down (outside any transaction). */
export async function applyDelay(verdict: AttemptVerdict): Promise<void> {
  if (verdict.allowed && verdict.delayMs > 0) await sleep(verdict.delayMs);
}

/**
 * The password was right: the pair and the account's slow-down start again, the pair
 * is now known, and this attempt leaves the address's and the hour's failure counts.
 */
export async function loginSucceeded(
  email: string,
  ip: string | null,
  verdict: AttemptVerdict,
): Promise<void> {
  const k = keys(email, ip);
  await recordSuccess({ reset: [k.account], known: [k.pair] });
  if (k.address) await uncountAttempt(k.address);
  if (verdict.allowed && !verdict.known) await uncountAttempt(k.accountHour);
  // Housekeeping now and then, off the hot path of every request.
  if (Math.random() < 0.05) await Promise.all([pruneLoginCounters(), pruneOldSessions()]);
}

/**
 * The reserved attempt was never checked (every password-check slot was taken): its
 * counts are given back, so a busy moment costs the person none of their tries.
 */
export async function loginNotChecked(
  email: string,
  ip: string | null,
  verdict: AttemptVerdict,
): Promise<void> {
  const k = keys(email, ip);
  const hour = verdict.allowed && !verdict.known ? k.accountHour : null;
  for (const key of [k.pair, k.address, k.account, hour]) if (key) await uncountAttempt(key);
}

/** An admin lifted the account's lock (a forced password reset): its counts start again. */
export async function unlockAccount(tx: DbOrTx, email: string): Promise<void> {
  const k = keys(email, null);
  await deleteLoginCounters(tx, [k.account, k.accountHour]);
}

/** The person's two-factor counts start again (their second step was unlocked). */
export async function forgetCodeFailures(tx: DbOrTx, userId: string): Promise<void> {
  await deleteLoginCounters(tx, [`code:${userId}`, `code-day:${userId}`]);
}

/**
 * Reserves one two-factor code attempt, per person and per address (counted before
 * the code is checked, like passwords); false past either limit.
 */
export async function reserveCodeAttempt(userId: string, ip: string | null): Promise<boolean> {
  const { windowMinutes } = loginLimits;
  const person = await countAttempt(`code:${userId}`, windowMinutes);
  if (person.count > loginLimits.codesPerAccount) return false;
  if (!ip) return true;
  const address = await countAttempt(`code-ip:${addressGroup(ip)}`, windowMinutes);
  return address.count <= loginLimits.codesPerAddress;
}

/** A right code: the person's window starts again and the address's count loses this try. */
export async function codeSucceeded(userId: string, ip: string | null): Promise<void> {
  await recordSuccess({ reset: [`code:${userId}`], known: [] });
  if (ip) await uncountAttempt(`code-ip:${addressGroup(ip)}`);
}

/** Counts a wrong code towards the person's day (not reset by a right one); returns the count. */
export async function countCodeFailure(userId: string): Promise<number> {
  return (await countAttempt(`code-day:${userId}`, 24 * 60)).count;
}

/** An attempted email for the audit log: a keyed digest, never the address in clear. */
export function emailDigest(email: string, secret: string): string {
  return createHash("sha256")
    .update(`${secret}:${email.trim().toLowerCase()}`)
    .digest("hex")
    .slice(0, 16);
}
