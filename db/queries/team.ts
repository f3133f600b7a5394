import "server-only";
import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "../client";
import {
  invitations,
  users,
  type Invitation,
  type NewUser,
  type User,
  type UserActiveView,
  type UserRole,
} from "../schema";

export type TeamMember = Pick<
  User,
  | "id"
  | "email"
  | "name"
  | "role"
  | "disabledAt"
  | "lastSignInAt"
  | "mustChangePassword"
  | "createdAt"
>;

/** Everyone with an account: active first, then by name. */
export async function listTeamMembers(): Promise<TeamMember[]> {
  return getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabledAt: users.disabledAt,
      lastSignInAt: users.lastSignInAt,
      mustChangePassword: users.mustChangePassword,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(sql`${users.disabledAt} is not null`, asc(users.name), asc(users.id));
}

export type PendingInvitation = Pick<
  Invitation,
  "id" | "email" | "role" | "createdAt" | "expiresAt" | "invitedBy"
>;

/** Invitations still usable: not accepted, not revoked, not expired. */
export async function listPendingInvitations(): Promise<PendingInvitation[]> {
  return getDb()
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      invitedBy: invitations.invitedBy,
    })
    .from(invitations)
    .where(pendingInvitation())
    .orderBy(desc(invitations.createdAt));
}

function pendingInvitation() {
  return and(
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, sql`now()`),
  );
}

export async function insertInvitation(
  tx: DbOrTx,
  values: Pick<Invitation, "email" | "role" | "tokenHash" | "invitedBy" | "expiresAt"> &
    Partial<Pick<Invitation, "locale">>,
): Promise<Invitation> {
  const [row] = await tx.insert(invitations).values(values).returning();
  return row!;
}

/** A new invitation replaces any pending one for the same address. Returns their ids. */
export async function revokePendingInvitationsFor(
  tx: DbOrTx,
  email: string,
  revokedBy: string,
): Promise<string[]> {
  const rows = await tx
    .update(invitations)
    .set({ revokedAt: sql`now()`, revokedBy })
    .where(and(sql`lower(${invitations.email}) = lower(${email})`, pendingInvitation()))
    .returning({ id: invitations.id });
  return rows.map((r) => r.id);
}

/** Revokes one pending invitation; null when it was not pending. */
export async function revokeInvitation(
  tx: DbOrTx,
  id: string,
  revokedBy: string,
): Promise<Invitation | null> {
  const [row] = await tx
    .update(invitations)
    .set({ revokedAt: sql`now()`, revokedBy })
    .where(and(eq(invitations.id, id), pendingInvitation()))
    .returning();
  return row ?? null;
}

/** The invitation behind a token hash, locked so two acceptances cannot both use it. */
export async function lockInvitationByTokenHash(
  tx: DbOrTx,
  tokenHash: string,
): Promise<(Invitation & { expired: boolean }) | null> {
  const [row] = await tx
    .select({ invitation: invitations, expired: sql<boolean>`${invitations.expiresAt} <= now()` })
    .from(invitations)
    .where(eq(invitations.tokenHash, tokenHash))
    .for("update");
  return row ? { ...row.invitation, expired: row.expired } : null;
}

export async function getInvitationByTokenHash(
  tokenHash: string,
): Promise<(Invitation & { expired: boolean }) | null> {
  const [row] = await getDb()
    .select({ invitation: invitations, expired: sql<boolean>`${invitations.expiresAt} <= now()` })
    .from(invitations)
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return row ? { ...row.invitation, expired: row.expired } : null;
}

export async function markInvitationAccepted(tx: DbOrTx, id: string, userId: string) {
  await tx
    .update(invitations)
    .set({ acceptedAt: sql`now()`, acceptedUserId: userId })
    .where(eq(invitations.id, id));
}

export async function findUserIdByEmail(tx: DbOrTx, email: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return row?.id ?? null;
}

export async function insertUser(tx: DbOrTx, user: NewUser): Promise<User> {
  const [row] = await tx.insert(users).values(user).returning();
  return row!;
}

/**
 * Serialises changes that may remove an admin, taken before any row lock: the
 * trigger takes the same lock, and taking it first avoids a deadlock between two
 * admins changing each other (each audit entry's actor key waits on the other's row).
 */
export async function lockAdminChanges(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('purwantara:active-admins'))`);
}

/** A member's row, locked for a change by an admin; null when absent. */
export async function lockUser(tx: DbOrTx, id: string): Promise<User | null> {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for("update");
  return row ?? null;
}

/**
 * Role, disabled or must-change-password. The last active admin is guarded by a
 * trigger (migration 0004) that raises `users_last_active_admin`.
 */
export async function updateUserAccount(
  tx: DbOrTx,
  id: string,
  changes: Partial<Pick<User, "role" | "disabledAt" | "mustChangePassword">>,
): Promise<void> {
  await tx.update(users).set(changes).where(eq(users.id, id));
}

export function isLastAdminViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const { code, constraint } = e as Error & { code?: string; constraint?: string };
    if (code === "23514" && constraint === "users_last_active_admin") return true;
  }
  return false;
}

export async function getUserActiveView(id: string): Promise<UserActiveView> {
  const [row] = await getDb()
    .select({ view: users.activeView })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row?.view ?? "test";
}

export async function setUserActiveView(tx: DbOrTx, id: string, view: UserActiveView) {
  await tx.update(users).set({ activeView: view }).where(eq(users.id, id));
}

export type { UserRole };
