import { generate } from "otplib";
import { describe, expect, it, vi } from "vitest";
import { readSessionUser } from "@/db/queries/sessions";
import { headersFrom, insertTestUser } from "@/testing/accounts";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { loginLimits } from "./login-limits";
import {
  changePassword,
  confirmTwoFactorSetup,
  pendingTwoFactorSecret,
  startTwoFactorSetup,
  turnOffTwoFactor,
  twoFactorStatus,
} from "./profile-service";
import { completeSecondStep } from "./second-step";
import { signInWithPassword } from "./sign-in";

vi.mock("@/lib/auth", () => ({ auth: async () => null }));

const db = withTestDatabase();
const password = "teal-mango-bridge-81";
const at = (secret: string, offsetSeconds: number) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

async function userWithTwoFactor(): Promise<{
  id: string;
  email: string;
  secret: string;
  codes: string[];
}> {
  const email = `tf-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;
  const id = await insertTestUser(db.url(), { email, password });
  const actor = { id, email, sessionId: "00000000-0000-4000-8000-000000000000" };
  expect(await startTwoFactorSetup(actor)).toBe(true);
  const secret = (await pendingTwoFactorSecret(id))!;
  expect(await confirmTwoFactorSetup(actor, "000000", null)).toEqual({ status: "wrong" });
  const confirmed = await confirmTwoFactorSetup(actor, await at(secret, 0), null);
  if (confirmed.status !== "enabled") throw new Error(confirmed.status);
  return { id, email, secret, codes: confirmed.codes };
}

describe("two-factor sign-in", { timeout: 60_000 }, () => {
  it("stores the secret sealed and the recovery codes hashed", async () => {
    const user = await userWithTwoFactor();
    expect(user.codes).toHaveLength(10);
    const [row] = await queryTestDb<{ secret_sealed: string }>(
      db.url(),
      "select secret_sealed from user_two_factor where user_id = $1",
      [user.id],
    );
    expect(row!.secret_sealed).toMatch(/^v1\./);
    expect(row!.secret_sealed).not.toContain(user.secret);
    const hashes = await queryTestDb<{ code_hash: string }>(
      db.url(),
      "select code_hash from recovery_codes where user_id = $1",
      [user.id],
    );
    expect(hashes).toHaveLength(10);
    expect(hashes.some((h) => user.codes.some((c) => h.code_hash.includes(c)))).toBe(false);
    const audit = await queryTestDb(
      db.url(),
      "select 1 from audit_log where action = 'auth.two_factor_enabled' and actor_id = $1",
      [user.id],
    );
    expect(audit).toHaveLength(1);
  });

  it("the password alone gives a session that is not valid until the code passes; a code works once", async () => {
    const user = await userWithTwoFactor();
    const first = await signInWithPassword({
      email: user.email,
      password,
      headers: headersFrom("10.60.0.1"),
    });
    expect(first.status).toBe("two_factor");
    if (first.status !== "two_factor") return;
    expect((await readSessionUser(first.sessionId))?.twoFactorPendingUntil).toBeInstanceOf(Date);
    const pending = { sessionId: first.sessionId, userId: user.id };
    expect(await completeSecondStep(pending, "123456", null)).toBe("wrong");
    const code = await at(user.secret, 30);
    expect(await completeSecondStep(pending, code, null)).toBe("ok");
    expect((await readSessionUser(first.sessionId))?.twoFactorPendingUntil).toBeNull();

    // The same code again (a replay) is refused in another sign-in.
    const second = await signInWithPassword({
      email: user.email,
      password,
      headers: headersFrom("10.60.0.1"),
    });
    if (second.status !== "two_factor") throw new Error(second.status);
    expect(
      await completeSecondStep({ sessionId: second.sessionId, userId: user.id }, code, null),
    ).toBe("wrong");
  });

  it("a recovery code works once, and is audited", async () => {
    const user = await userWithTwoFactor();
    const signIn = async () => {
      const r = await signInWithPassword({
        email: user.email,
        password,
        headers: headersFrom("10.61.0.1"),
      });
      if (r.status !== "two_factor") throw new Error(r.status);
      return { sessionId: r.sessionId, userId: user.id };
    };
    expect(await completeSecondStep(await signIn(), user.codes[3]!.toUpperCase(), null)).toBe("ok");
    expect(await completeSecondStep(await signIn(), user.codes[3]!, null)).toBe("wrong");
    expect((await twoFactorStatus(user.id)).recoveryCodesLeft).toBe(9);
    const used = await queryTestDb(
      db.url(),
      "select 1 from audit_log where action = 'auth.recovery_code_used' and actor_id = $1",
      [user.id],
    );
    expect(used).toHaveLength(1);
  });

  it("wrong codes are limited: five end the waiting session", async () => {
    const user = await userWithTwoFactor();
    const r = await signInWithPassword({
      email: user.email,
      password,
      headers: headersFrom("10.62.0.1"),
    });
    if (r.status !== "two_factor") throw new Error(r.status);
    const pending = { sessionId: r.sessionId, userId: user.id };
    const outcomes = [];
    for (let i = 0; i < loginLimits.codesPerSession; i++) {
      outcomes.push(await completeSecondStep(pending, String(100000 + i), null));
    }
    expect(outcomes.at(-1)).toBe("ended");
    expect(await completeSecondStep(pending, await at(user.secret, 30), null)).toBe("ended");
    expect(await readSessionUser(r.sessionId)).toBeNull();
  });

  it("turning it off needs a valid code", async () => {
    const user = await userWithTwoFactor();
    const actor = {
      id: user.id,
      email: user.email,
      sessionId: "00000000-0000-4000-8000-000000000000",
    };
    expect(await turnOffTwoFactor(actor, "999999", null)).toBe("wrong");
    expect(await turnOffTwoFactor(actor, user.codes[0]!, null)).toBe("disabled");
    expect((await twoFactorStatus(user.id)).enabled).toBe(false);
    const next = await signInWithPassword({
      email: user.email,
      password,
      headers: headersFrom("10.63.0.1"),
    });
    expect(next.status).toBe("signed_in");
  });
});

describe("password change", { timeout: 60_000 }, () => {
  it("needs the current password, ends the other sessions and keeps this one", async () => {
    const email = `pw-${Date.now()}@example.com`;
    const id = await insertTestUser(db.url(), { email, password });
    const mine = await signInWithPassword({ email, password, headers: headersFrom("10.64.0.1") });
    const other = await signInWithPassword({ email, password, headers: headersFrom("10.64.0.2") });
    if (mine.status !== "signed_in" || other.status !== "signed_in") throw new Error("sign-in");
    const actor = { id, email, sessionId: mine.sessionId };
    expect(await changePassword(actor, "not-it", "Danau-Toba-Biru-9", "10.64.0.1")).toBe("wrong");
    expect(await changePassword(actor, password, "Danau-Toba-Biru-9", "10.64.0.1")).toBe("changed");
    expect(await readSessionUser(mine.sessionId)).not.toBeNull();
    expect(await readSessionUser(other.sessionId)).toBeNull();
    const old = await signInWithPassword({ email, password, headers: headersFrom("10.64.0.1") });
    expect(old.status).toBe("wrong");
    const fresh = await signInWithPassword({
      email,
      password: "Danau-Toba-Biru-9",
      headers: headersFrom("10.64.0.1"),
    });
    expect(fresh.status).toBe("signed_in");
    const audit = await queryTestDb(
      db.url(),
      "select 1 from audit_log where action = 'auth.password_changed' and actor_id = $1",
      [id],
    );
    expect(audit).toHaveLength(1);
  });
});

describe("admin two-factor policy", () => {
  it("sends an admin without two-factor to set it up only while the policy requires it", async () => {
    const { holdOn, mustSetUpTwoFactor } = await import("./holds");
    const admin = {
      id: "a",
      email: "a@example.com",
      name: "A",
      role: "admin" as const,
      locale: "id" as const,
      timeZone: "Asia/Jakarta" as const,
      sessionId: "s",
      twoFactorEnabled: false,
    };
    const previous = process.env.REQUIRE_ADMIN_TWO_FACTOR;
    try {
      delete process.env.REQUIRE_ADMIN_TWO_FACTOR;
      expect(await mustSetUpTwoFactor(admin)).toBe(false);
      process.env.REQUIRE_ADMIN_TWO_FACTOR = "true";
      expect(await mustSetUpTwoFactor(admin)).toBe(true);
      expect(await mustSetUpTwoFactor({ ...admin, twoFactorEnabled: true })).toBe(false);
      expect(await mustSetUpTwoFactor({ ...admin, role: "operator" })).toBe(false);
      // Held from everything but the profile's own steps, in actions and routes too.
      expect(await holdOn(admin, "transactions:read")).toBe("twoFactorSetup");
      expect(await holdOn(admin, "settings:manage")).toBe("twoFactorSetup");
      expect(await holdOn(admin, "profile:update")).toBeNull();
      expect(await holdOn({ ...admin, twoFactorEnabled: true }, "settings:manage")).toBeNull();
      // A forced password reset comes first, and holds every role.
      const reset = { ...admin, role: "finance" as const, mustChangePassword: true };
      expect(await holdOn(reset, "transactions:read")).toBe("passwordChange");
      expect(await holdOn(reset, "profile:update")).toBeNull();
    } finally {
      if (previous === undefined) delete process.env.REQUIRE_ADMIN_TWO_FACTOR;
      else process.env.REQUIRE_ADMIN_TWO_FACTOR = previous;
    }
  });
});
