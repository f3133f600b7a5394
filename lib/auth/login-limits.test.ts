import { describe, expect, it } from "vitest";
import { headersFrom, insertTestUser } from "@/testing/accounts";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { accountDelayMs, loginLimits, reserveLoginAttempt } from "./login-limits";
import { signInWithPassword } from "./sign-in";

const db = withTestDatabase();
const password = "amber-lantern-harbour-7";
let n = 0;
const freshEmail = () => `limits-${Date.now()}-${n++}@example.com`;
// Checked and wrong, or turned away by the password-check slots (password-slots.ts): not refused.
const notRefused = (results: { status: string }[]) =>
  results.every((r) => r.status === "wrong" || r.status === "busy");

describe("sign-in limits", () => {
  it("a spoofed X-Forwarded-For does not buy more tries (hops = 0)", async () => {
    const email = freshEmail();
    await insertTestUser(db.url(), { email, password });
    const results = [];
    for (let i = 0; i < loginLimits.perPair + 2; i++) {
      const headers = headersFrom("10.20.0.1", { "x-forwarded-for": `198.51.100.${i}` });
      results.push(
        (await signInWithPassword({ email, password: "wrong-guess-1234", headers })).status,
      );
    }
    expect(results.slice(0, loginLimits.perPair).every((s) => s === "wrong")).toBe(true);
    expect(results.slice(loginLimits.perPair)).toEqual(["limited", "limited"]);
    // The right password from that address, however it is dressed up, is refused for now.
    const dressed = headersFrom("10.20.0.1", { "x-forwarded-for": "192.0.2.200" });
    expect((await signInWithPassword({ email, password, headers: dressed })).status).toBe(
      "limited",
    );
  }, 60_000);

  it("behind a trusted proxy each client has its own limits; a direct client cannot pose as one", async () => {
    const email = freshEmail();
    await insertTestUser(db.url(), { email, password });
    const previous = process.env.TRUSTED_PROXIES;
    process.env.TRUSTED_PROXIES = "10.60.0.0/24, fd60::/64";
    try {
      const viaProxy = (client: string) => headersFrom("10.60.0.1", { "x-forwarded-for": client });
      // One client behind the proxy used up its tries (reserved straight, to skip the slow-down).
      for (let i = 0; i < loginLimits.perPair; i++)
        await reserveLoginAttempt(email, "203.0.113.50");
      const first = await signInWithPassword({
        email,
        password,
        headers: viaProxy("203.0.113.50"),
      });
      expect(first.status).toBe("limited");
      // Another client through the same proxy is not the first one's neighbour.
      const other = await signInWithPassword({
        email,
        password,
        headers: viaProxy("203.0.113.51"),
      });
      expect(other.status).toBe("signed_in");
      // Straight to the app port, claiming another address: counted at its socket.
      for (let i = 0; i < loginLimits.perPair; i++)
        await reserveLoginAttempt(email, "198.51.100.60");
      const spoof = headersFrom("198.51.100.60", { "x-forwarded-for": "203.0.113.52" });
      expect((await signInWithPassword({ email, password, headers: spoof })).status).toBe(
        "limited",
      );
      const [row] = await queryTestDb<{ ip: string }>(
        db.url(),
        "select ip from sessions s join users u on u.id = s.user_id where u.email = $1",
        [email],
      );
      expect(row?.ip).toBe("203.0.113.51");
    } finally {
      if (previous === undefined) delete process.env.TRUSTED_PROXIES;
      else process.env.TRUSTED_PROXIES = previous;
    }
  }, 60_000);

  it("rotating addresses get at most 20 tries an hour; the owner's known address is never locked", async () => {
    const email = freshEmail();
    await insertTestUser(db.url(), { email, password });
    // The owner signs in once from home: that address is now known to the account.
    const home = headersFrom("10.30.0.1");
    expect((await signInWithPassword({ email, password, headers: home })).status).toBe("signed_in");
    const attack = (from: number, count: number) =>
      Promise.all(
        Array.from({ length: count }, (_, i) =>
          signInWithPassword({
            email,
            password: `attacker-guess-${i}`,
            headers: headersFrom(`172.16.${from}.${i + 1}`),
          }),
        ),
      );
    const first = await attack(1, 10);
    expect(notRefused(first)).toBe(true);
    // Reservations count like failures until checked: fill the hour to the cap.
    for (let i = 0; i < loginLimits.accountFailuresPerHour; i++) {
      await reserveLoginAttempt(email, `172.16.2.${i + 1}`);
    }
    const second = await attack(3, 5);
    expect(second.map((r) => r.status)).toEqual(Array(5).fill("limited"));
    expect(await reserveLoginAttempt(email, "172.16.9.9")).toEqual({
      allowed: false,
      reason: "account",
    });
    // From home: not slowed, not locked.
    expect(await reserveLoginAttempt(email, "10.30.0.1")).toEqual({
      allowed: true,
      delayMs: 0,
      known: true,
    });
    expect((await signInWithPassword({ email, password, headers: home })).status).toBe("signed_in");
    // The owner from a new address is locked too, with the reason the form tells apart.
    const away = await signInWithPassword({ email, password, headers: headersFrom("10.30.0.2") });
    expect(away).toEqual({ status: "limited", reason: "account" });
  }, 90_000);

  it("the limit holds under a race: 60 parallel reservations get exactly 10 tries", async () => {
    const email = freshEmail();
    const verdicts = await Promise.all(
      Array.from({ length: 60 }, () => reserveLoginAttempt(email, "10.40.0.2")),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(loginLimits.perPair);
  });

  it("60 parallel wrong passwords: at most 10 are checked, each audited", async () => {
    const email = freshEmail();
    const userId = await insertTestUser(db.url(), { email, password });
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        signInWithPassword({
          email,
          password: `parallel-guess-${i}`,
          headers: headersFrom("10.40.0.1"),
        }),
      ),
    );
    const checked = results.filter((r) => r.status === "wrong").length;
    expect(results.filter((r) => r.status === "limited").length).toBeGreaterThanOrEqual(50);
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(loginLimits.perPair);
    const [audit] = await queryTestDb<{ n: number }>(
      db.url(),
      "select count(*)::int as n from audit_log where action = 'auth.sign_in_failed' and target_id = $1",
      [userId],
    );
    expect(audit!.n).toBe(checked);
  }, 60_000);

  it("audits failures without the attempted email in clear", async () => {
    const unknown = `nobody-${Date.now()}@example.com`;
    await signInWithPassword({
      email: unknown,
      password: "whatever-it-is-1",
      headers: headersFrom("10.50.0.1"),
    });
    const rows = await queryTestDb<{ actor_id: string | null; text: string }>(
      db.url(),
      "select actor_id, details::text as text from audit_log where action = 'auth.sign_in_failed' and ip = '10.50.0.1'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor_id).toBeNull();
    expect(rows[0]!.text).toContain("unknown_account");
    expect(rows[0]!.text).not.toContain("nobody");
    const counters = await queryTestDb<{ key: string }>(db.url(), "select key from login_counters");
    expect(counters.some((c) => c.key.includes("nobody"))).toBe(false);
  });

  it("slows an account progressively, capped", () => {
    expect(accountDelayMs(loginLimits.accountSlowAfter)).toBe(0);
    expect(accountDelayMs(loginLimits.accountSlowAfter + 1)).toBe(200);
    expect(accountDelayMs(1000)).toBe(loginLimits.accountDelayMs.max);
  });
});
