import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { headersFrom, insertTestUser } from "@/testing/accounts";

const authMock = vi.hoisted(() => ({ sessionId: undefined as string | undefined }));
vi.mock("@/lib/auth", () => ({
  auth: async () => (authMock.sessionId ? { sessionId: authMock.sessionId, user: {} } : null),
}));

const { getCurrentUser } = await import("./session");
const { endUserSessions, endOneSession } = await import("./sessions");
const { signInWithPassword } = await import("./sign-in");
const { GET: listTransactions } = await import("@/app/api/transactions/route");

const db = withTestDatabase();
const password = "plum-orchard-river-42";

async function signedIn(email: string, address = "10.1.0.1"): Promise<string> {
  const result = await signInWithPassword({ email, password, headers: headersFrom(address) });
  if (result.status !== "signed_in") throw new Error(`sign-in: ${result.status}`);
  return result.sessionId;
}

async function asSession(sessionId: string | undefined) {
  authMock.sessionId = sessionId;
  return getCurrentUser();
}

describe("sessions", { timeout: 60_000 }, () => {
  let userId: string;
  const email = `s-${Date.now()}@example.com`;
  beforeEach(async () => {
    userId ??= await insertTestUser(db.url(), { email, password, role: "finance" });
  });

  it("a signed-in session reads the user; after sign-out the same cookie gets 401 from /api/transactions", async () => {
    const sid = await signedIn(email);
    const user = await asSession(sid);
    expect(user).toMatchObject({ id: userId, email, role: "finance", sessionId: sid });
    expect((await listTransactions(new Request("http://app.test/api/transactions"))).status).toBe(
      200,
    );

    await getDb().transaction((tx) => endOneSession(tx, userId, sid, "sign_out"));
    expect(await asSession(sid)).toBeNull();
    const after = await listTransactions(new Request("http://app.test/api/transactions"));
    expect(after.status).toBe(401);
    expect(after.headers.get("cache-control")).toBe("no-store");
    const [audit] = await queryTestDb<{ action: string; actor_id: string }>(
      db.url(),
      "select action, actor_id from audit_log where target_id = $1 and action = 'auth.sign_out'",
      [sid],
    );
    expect(audit).toEqual({ action: "auth.sign_out", actor_id: userId });
  });

  it("a role change or a disable ends every session of that person, audited", async () => {
    const first = await signedIn(email, "10.1.0.2");
    const second = await signedIn(email, "10.1.0.3");
    expect(await asSession(first)).not.toBeNull();
    const ended = await getDb().transaction(async (tx) => {
      await tx.execute(`update users set role = 'operator' where id = '${userId}'`);
      return endUserSessions(tx, userId, "role_changed");
    });
    expect(ended).toBeGreaterThanOrEqual(2);
    expect(await asSession(first)).toBeNull();
    expect(await asSession(second)).toBeNull();
    const rows = await queryTestDb<{ details: { reason: string; count: number } }>(
      db.url(),
      "select details from audit_log where action = 'auth.sessions_ended' and target_id = $1",
      [userId],
    );
    expect(rows.at(-1)!.details).toMatchObject({ reason: "role_changed", count: ended });

    const third = await signedIn(email, "10.1.0.4");
    await queryTestDb(db.url(), "update users set disabled_at = now() where id = $1", [userId]);
    expect(await asSession(third)).toBeNull();
    await queryTestDb(db.url(), "update users set disabled_at = null where id = $1", [userId]);
  });

  it("has an absolute lifetime: use never extends a session past it", async () => {
    const sid = await signedIn(email, "10.1.0.5");
    const [created] = await queryTestDb<{ idle: number; absolute: number }>(
      db.url(),
      `select extract(epoch from expires_at - created_at)::int as idle,
              extract(epoch from absolute_expires_at - created_at)::int as absolute
         from sessions where id = $1`,
      [sid],
    );
    expect(created).toEqual({ idle: 12 * 3600, absolute: 7 * 86400 });

    // Near the end of its 7 days, a request moves the idle deadline only up to the absolute one.
    await queryTestDb(
      db.url(),
      `update sessions set last_seen_at = now() - interval '5 minutes',
              absolute_expires_at = now() + interval '30 minutes' where id = $1`,
      [sid],
    );
    expect(await asSession(sid)).not.toBeNull();
    const [touched] = await queryTestDb<{ capped: boolean; seen_now: boolean }>(
      db.url(),
      `select expires_at = absolute_expires_at as capped,
              last_seen_at > now() - interval '1 minute' as seen_now from sessions where id = $1`,
      [sid],
    );
    expect(touched).toEqual({ capped: true, seen_now: true });

    // Past the absolute deadline the session is gone, however recently it was used.
    await queryTestDb(
      db.url(),
      `update sessions set absolute_expires_at = now() - interval '1 second',
              expires_at = now() + interval '1 hour' where id = $1`,
      [sid],
    );
    expect(await asSession(sid)).toBeNull();

    // And an idle session ends at its idle deadline.
    const idle = await signedIn(email, "10.1.0.6");
    await queryTestDb(
      db.url(),
      "update sessions set expires_at = now() - interval '1 second' where id = $1",
      [idle],
    );
    expect(await asSession(idle)).toBeNull();
  });

  it("ends the others but keeps this one when asked (a password change)", async () => {
    const mine = await signedIn(email, "10.1.0.7");
    const other = await signedIn(email, "10.1.0.8");
    await getDb().transaction((tx) =>
      endUserSessions(tx, userId, "password_changed", { exceptSessionId: mine, actorId: userId }),
    );
    expect(await asSession(mine)).not.toBeNull();
    expect(await asSession(other)).toBeNull();
  });

  it("a made-up or missing session id is no session", async () => {
    expect(await asSession(undefined)).toBeNull();
    expect(await asSession("6f1c1d3e-0000-4000-8000-000000000000")).toBeNull();
  });
});
