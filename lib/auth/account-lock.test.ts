import { describe, expect, it, vi } from "vitest";
import { changeMember } from "@/lib/team/members";
import { headersFrom, insertTestUser } from "@/testing/accounts";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { loginLimits, reserveLoginAttempt } from "./login-limits";
import { signInWithPassword } from "./sign-in";

// Counts the password hashes really checked (the refused attempts must not reach one).
const hashChecks = vi.hoisted(() => ({ count: 0 }));
vi.mock("./password-hash", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./password-hash")>();
  return {
    ...actual,
    matchesPasswordHash: (password: string, stored: string) => {
      hashChecks.count++;
      return actual.matchesPasswordHash(password, stored);
    },
  };
});

const db = withTestDatabase();
const password = "amber-lantern-harbour-7";
let n = 0;
const freshEmail = () => `lock-${Date.now()}-${n++}@example.com`;
const cap = loginLimits.accountFailuresPerHour;
const teamMessages = { notFound: "not found", lastAdmin: "last admin", unchanged: "unchanged" };

/** The i-th of many distinct addresses: half IPv4, half IPv6 (each in its own /64). */
const address = (i: number) => (i % 2 ? `10.90.${i >> 8}.${i & 255}` : `2001:db8:90:${i}::1`);

describe("per-account lock", () => {
  it(`200 wrong passwords from 200 addresses in parallel: at most ${cap} are checked`, async () => {
    const email = freshEmail();
    const userId = await insertTestUser(db.url(), { email, password });
    hashChecks.count = 0;
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        signInWithPassword({ email, password: `guess-${i}`, headers: headersFrom(address(i)) }),
      ),
    );
    const took = Math.round(performance.now() - started);
    const count = (status: string) => results.filter((r) => r.status === status).length;
    console.info(
      `200 parallel attempts: ${took} ms; wrong ${count("wrong")}, busy ${count("busy")}, ` +
        `locked ${count("limited")}, hashes checked ${hashChecks.count}`,
    );
    expect(hashChecks.count).toBe(count("wrong"));
    expect(hashChecks.count).toBeGreaterThan(0);
    expect(hashChecks.count).toBeLessThanOrEqual(cap);
    expect(count("limited")).toBeGreaterThanOrEqual(200 - cap - count("busy"));
    expect(results.every((r) => r.status !== "limited" || r.reason === "account")).toBe(true);
    const [audit] = await queryTestDb<{ n: number }>(
      db.url(),
      "select count(*)::int as n from audit_log where action = 'auth.sign_in_failed' and target_id = $1",
      [userId],
    );
    expect(audit!.n).toBe(count("wrong"));
  }, 60_000);

  it("the known address still signs in while locked; an admin's forced reset lifts the lock", async () => {
    const email = freshEmail();
    const userId = await insertTestUser(db.url(), { email, password });
    const adminId = await insertTestUser(db.url(), {
      email: freshEmail(),
      password,
      role: "admin",
    });
    const home = headersFrom("10.91.0.1");
    expect((await signInWithPassword({ email, password, headers: home })).status).toBe("signed_in");
    for (let i = 0; i < cap; i++) {
      expect(await reserveLoginAttempt(email, `10.91.1.${i + 1}`)).toMatchObject({ allowed: true });
    }
    const away = headersFrom("10.91.2.1");
    expect(await signInWithPassword({ email, password, headers: away })).toEqual({
      status: "limited",
      reason: "account",
    });
    hashChecks.count = 0;
    expect((await signInWithPassword({ email, password, headers: home })).status).toBe("signed_in");
    expect(hashChecks.count).toBe(1);

    await changeMember(
      userId,
      { kind: "force_password_reset" },
      { id: adminId, ip: null },
      teamMessages,
    );
    expect((await signInWithPassword({ email, password, headers: away })).status).toBe("signed_in");
  }, 60_000);

  it("a success from an unknown address is no failure: it does not use up the hour", async () => {
    const email = freshEmail();
    await insertTestUser(db.url(), { email, password });
    for (let i = 0; i < cap; i++) {
      const headers = headersFrom(`10.92.0.${i + 1}`);
      expect((await signInWithPassword({ email, password, headers })).status).toBe("signed_in");
    }
    expect(await reserveLoginAttempt(email, "10.92.1.1")).toMatchObject({ allowed: true });
  }, 60_000);

  it("counts IPv6 by /64: rotating within one network is one address", async () => {
    const email = freshEmail();
    const verdicts = [];
    for (let i = 1; i <= loginLimits.perPair + 1; i++) {
      verdicts.push(await reserveLoginAttempt(email, `2001:db8:93:1:${i.toString(16)}::7`));
    }
    expect(verdicts.slice(0, -1).every((v) => v.allowed)).toBe(true);
    expect(verdicts.at(-1)).toEqual({ allowed: false, reason: "pair" });
    // Another /64 is another address.
    expect(await reserveLoginAttempt(email, "2001:db8:93:2::7")).toMatchObject({ allowed: true });
    // Across accounts, one /64 gets the per-address allowance once.
    const spray = [];
    for (let i = 0; i <= loginLimits.perAddress; i++) {
      spray.push(await reserveLoginAttempt(freshEmail(), `2001:db8:94:0:${i.toString(16)}::1`));
    }
    expect(spray.filter((v) => !v.allowed)).toEqual([{ allowed: false, reason: "address" }]);
  }, 60_000);
});
