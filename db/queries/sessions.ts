import "server-only";
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "../client";
import { sessions, users, type Session, type User } from "../schema";

/** [chosen] Idle and absolute lifetimes of a session; last_seen_at moves at most once a minute. */
export const sessionLifetimes = { idleHours: 12, absoluteDays: 7, touchSeconds: 60 } as const;

export type NewSessionInput = {
  userId: string;
  ip: string | null;
  userAgent: string | null;
  /** When set, the session waits for a two-factor code until then. */
  twoFactorPendingUntil?: Date | null;
};

export async function insertSession(db: DbOrTx, input: NewSessionInput): Promise<Session> {
  const [row] = await db
    .insert(sessions)
    .values({
      userId: input.userId,
      ip: input.ip,
      userAgent: input.userAgent,
      twoFactorPendingUntil: input.twoFactorPendingUntil ?? null,
      expiresAt: sql`now() + make_interval(hours => ${sessionLifetimes.idleHours})`,
      absoluteExpiresAt: sql`now() + make_interval(days => ${sessionLifetimes.absoluteDays})`,
    })
    .returning();
  if (!row) throw new Error("session insert returned nothing");
  return row;
}

export type SessionUser = Pick<
  User,
  "id" | "email" | "name" | "role" | "locale" | "timeZone" | "mustChangePassword"
> & {
  sessionId: string;
  /** Non-null while the password passed but the second step has not. */
  twoFactorPendingUntil: Date | null;
  twoFactorEnabled: boolean;
};

type SessionUserRow = {
  id: string;
  email: string;
  name: string;
  role: User["role"];
  locale: User["locale"];
  time_zone: User["timeZone"];
  must_change_password: boolean;
  session_id: string;
  two_factor_pending_until: Date | string | null;
  two_factor_enabled: boolean;
};

/**
 * The live session and its user in ONE round trip (primary-key lookups only): this runs
 * on every request, the live lists' polls included. The same statement moves the idle
 * deadline forward (never past the absolute one), at most once a minute.
 */
export async function readSessionUser(sessionId: string): Promise<SessionUser | null> {
  const { touchSeconds, idleHours } = sessionLifetimes;
  const result = await getDb().execute<SessionUserRow>(sql`
    with touched as (
      update sessions
         set last_seen_at = now(),
             expires_at = least(now() + make_interval(hours => ${idleHours}), absolute_expires_at)
       where id = ${sessionId}
         and revoked_at is null
         and expires_at > now()
         and absolute_expires_at > now()
         and last_seen_at < now() - make_interval(secs => ${touchSeconds})
       returning id
    )
    select u.id, u.email, u.name, u.role, u.locale, u.time_zone, u.must_change_password,
           s.id as session_id, s.two_factor_pending_until,
           exists (select 1 from user_two_factor f
                    where f.user_id = u.id and f.enabled_at is not null) as two_factor_enabled
      from sessions s
      join users u on u.id = s.user_id
     where s.id = ${sessionId}
       and s.revoked_at is null
       and s.expires_at > now()
       and s.absolute_expires_at > now()
       and u.disabled_at is null
  `);
  const row = result.rows[0];
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale,
    timeZone: row.time_zone,
    mustChangePassword: row.must_change_password,
    sessionId: row.session_id,
    twoFactorPendingUntil: row.two_factor_pending_until
      ? new Date(row.two_factor_pending_until)
      : null,
    twoFactorEnabled: row.two_factor_enabled,
  };
}

/** Ends one session; returns whether it was live. */
export async function revokeSession(
  db: DbOrTx,
  sessionId: string,
  reason: string,
  userId?: string,
): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        userId ? eq(sessions.userId, userId) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Ends every live session of a person (but `exceptId`); returns how many. */
export async function revokeUserSessions(
  db: DbOrTx,
  userId: string,
  reason: string,
  exceptId?: string,
): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptId ? ne(sessions.id, exceptId) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

/** A person's live (signed-in, not expired) sessions, newest activity first. */
export async function listLiveSessions(userId: string): Promise<Session[]> {
  return getDb()
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        isNull(sessions.twoFactorPendingUntil),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.absoluteExpiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt))
    .limit(50);
}

/** A completed sign-in: shown as "last signed in" on the team page. */
export async function markSignedIn(db: DbOrTx, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ lastSignInAt: sql`now()` })
    .where(eq(users.id, userId));
}

/** The second step passed: the session becomes a full one. */
export async function completeTwoFactor(db: DbOrTx, sessionId: string): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ twoFactorPendingUntil: null, twoFactorFailures: 0, lastSeenAt: sql`now()` })
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        gt(sessions.twoFactorPendingUntil, sql`now()`),
      ),
    )
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Counts a wrong code in a session's second step, atomically; returns the new count. */
export async function countTwoFactorFailure(sessionId: string): Promise<number> {
  const [row] = await getDb()
    .update(sessions)
    .set({ twoFactorFailures: sql`${sessions.twoFactorFailures} + 1` })
    .where(eq(sessions.id, sessionId))
    .returning({ n: sessions.twoFactorFailures });
  return row?.n ?? Number.POSITIVE_INFINITY;
}

/** A session waiting for its second step, if still waiting. */
export async function readPendingSession(
  sessionId: string,
): Promise<Pick<Session, "id" | "userId" | "twoFactorFailures"> | null> {
  const [row] = await getDb()
    .select({
      id: sessions.id,
      userId: sessions.userId,
      twoFactorFailures: sessions.twoFactorFailures,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        gt(sessions.twoFactorPendingUntil, sql`now()`),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Sessions past their absolute end (or ended) for 30 days are forgotten. */
export async function pruneOldSessions(): Promise<void> {
  await getDb().execute(sql`
    delete from sessions
     where absolute_expires_at < now() - interval '30 days'
        or revoked_at < now() - interval '30 days'`);
}
