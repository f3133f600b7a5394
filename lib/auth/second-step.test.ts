import { randomUUID } from "node:crypto";
import { generate } from "otplib";
import { describe, expect, it, vi } from "vitest";
import { headersFrom, insertTestUser } from "@/testing/accounts";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { changeMember } from "@/lib/team/members";
import { loginLimits, reserveCodeAttempt } from "./login-limits";
import {
  changePassword,
  confirmTwoFactorSetup,
  pendingTwoFactorSecret,
  startTwoFactorSetup,
  twoFactorStatus,
} from "./profile-service";
import { completeSecondStep } from "./second-step";
import { signInWithPassword } from "./sign-in";

vi.mock("@/lib/auth", () => ({ auth: async () => null }));

const db = withTestDatabase();
const password = "coral-kite-harbour-52";
let n = 0;
const code = (secret: string, offsetSeconds = 30) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

async function userWithTwoFactor() {
  const email = `step-${Date.now()}-${n++}@example.com`;
  const id = await insertTestUser(db.url(), { email, password });
  const actor = { id, email, sessionId: randomUUID() };
  await startTwoFactorSetup(actor);
  const secret = (await pendingTwoFactorSecret(id))!;
  const confirmed = await confirmTwoFactorSetup(actor, await code(secret, 0), null);
  if (confirmed.status !== "enabled") throw new Error(confirmed.status);
  return { id, email, secret, actor };
}

/** The password passed from `ip`: a session waiting for its code. */
async function passwordStep(user: { id: string; email: string }, ip: string) {
  const result = await signInWithPassword({
    email: user.email,
    password,
    headers: headersFrom(ip),
  });
  if (result.status !== "two_factor") throw new Error(result.status);
  return { sessionId: result.sessionId, userId: user.id };
}

const audit = (action: string, userId: string) =>
  queryTestDb<{ actor_id: string | null; details: Record<string, unknown> }>(
    db.url(),
    "select actor_id, details from audit_log where action = $1 and target_id = $2 order by id",
    [action, userId],
  );

/**
 * Wrong codes in batches of the per-person window, each batch "15 minutes" after the
 * last and from another address (`${prefix}.<batch>`), as a patient guesser would.
 */
async function wrongCodes(user: { id: string; email: string }, count: number, prefix: string) {
  const outcomes: string[] = [];
  let ip = `${prefix}.1`;
  let pending = await passwordStep(user, ip);
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % loginLimits.codesPerAccount === 0) {
      await queryTestDb(
        db.url(),
        "update login_counters set window_started_at = now() - interval '16 minutes' where key = $1",
        [`code:${user.id}`],
      );
      ip = `${prefix}.${i / loginLimits.codesPerAccount + 1}`;
      pending = await passwordStep(user, ip);
    }
    const outcome = await completeSecondStep(pending, String(100000 + i), ip);
    outcomes.push(outcome);
    if (outcome === "ended") pending = await passwordStep(user, ip);
  }
  return outcomes;
}

describe("second step failures", { timeout: 90_000 }, () => {
  it("a wrong code is audited under the person whose password passed", async () => {
    const user = await userWithTwoFactor();
    expect(await wrongCodes(user, 1, "10.70.0")).toEqual(["wrong"]);
    const [entry] = await audit("auth.sign_in_failed", user.id);
    expect(entry?.actor_id).toBe(user.id);
    expect(entry?.details).toMatchObject({ reason: "wrong_code" });
  });

  it("codes are limited per address across people, not only per person", async () => {
    const user = await userWithTwoFactor();
    // Someone at this address already tried codes for many other accounts.
    for (let i = 0; i < loginLimits.codesPerAddress; i++) {
      await reserveCodeAttempt(randomUUID(), "10.71.0.1");
    }
    const pending = await passwordStep(user, "10.71.0.1");
    expect(await completeSecondStep(pending, await code(user.secret), "10.71.0.1")).toBe("limited");
    // The same person from elsewhere is not held by that address.
    expect(await completeSecondStep(pending, await code(user.secret), "10.71.0.2")).toBe("ok");
  });

  it("too many wrong codes in a day lock the second step, audited and shown, until a new password", async () => {
    const user = await userWithTwoFactor();
    const outcomes = await wrongCodes(user, loginLimits.codeFailuresPerDay, "10.72.0");
    expect(outcomes.slice(0, -1)).not.toContain("locked");
    expect(outcomes.at(-1)).toBe("locked");
    const locked = await audit("auth.two_factor_locked", user.id);
    expect(locked).toHaveLength(1);
    expect(locked[0]?.actor_id).toBe(user.id);
    expect((await twoFactorStatus(user.id)).lockedAt).toBeInstanceOf(Date);
    // The right code, a day's window later, from anywhere: still locked.
    await queryTestDb(db.url(), "delete from login_counters where key like $1", [`%${user.id}%`]);
    const later = await passwordStep(user, "10.72.0.9");
    expect(await completeSecondStep(later, await code(user.secret), "10.72.0.9")).toBe("locked");
    // The owner, signed in on another device, changes the password: codes work again.
    const next = "Pulau-Seribu-Hijau-4";
    expect(await changePassword(user.actor, password, next, "10.72.0.5")).toBe("changed");
    expect((await twoFactorStatus(user.id)).lockedAt).toBeNull();
    const fresh = await signInWithPassword({
      email: user.email,
      password: next,
      headers: headersFrom("10.72.0.5"),
    });
    if (fresh.status !== "two_factor") throw new Error(fresh.status);
    const pending = { sessionId: fresh.sessionId, userId: user.id };
    expect(await completeSecondStep(pending, await code(user.secret), null)).toBe("ok");
  });

  it("an admin's forced password reset lifts the lock", async () => {
    const user = await userWithTwoFactor();
    const adminId = await insertTestUser(db.url(), {
      email: `step-admin-${Date.now()}@example.com`,
      password,
      role: "admin",
    });
    await queryTestDb(
      db.url(),
      "insert into login_counters (key, count, window_started_at) values ($1, $2, now())",
      [`code-day:${user.id}`, loginLimits.codeFailuresPerDay - 1],
    );
    expect(await wrongCodes(user, 1, "10.73.0")).toEqual(["locked"]);
    await changeMember(
      user.id,
      { kind: "force_password_reset" },
      { id: adminId, ip: null },
      { notFound: "not found", lastAdmin: "last admin", unchanged: "unchanged" },
    );
    const [reset] = await audit("user.password_reset_forced", user.id);
    expect(reset?.details).toEqual({ twoFactorUnlocked: true });
    const pending = await passwordStep(user, "10.73.0.1");
    expect(await completeSecondStep(pending, await code(user.secret), "10.73.0.1")).toBe("ok");
  });
});
