import "server-only";
import Cursor from "pg-cursor";
import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb, getPool } from "../client";
import { auditLog, users } from "../schema";

export type AuditFilter = {
  actorId?: string;
  action?: string;
  /** Inclusive lower bound. */
  from?: Date;
  /** Exclusive upper bound. */
  to?: Date;
};

/** Newest first, keyset on (at, id): the last entry of the page before. */
export type AuditCursor = { at: Date; id: number };

export type AuditListRow = {
  id: number;
  at: Date;
  action: string;
  mode: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
};

function whereOf(filter: AuditFilter, cursor?: AuditCursor): SQL | undefined {
  return and(
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lt(auditLog.at, filter.to) : undefined,
    cursor
      ? or(lt(auditLog.at, cursor.at), and(eq(auditLog.at, cursor.at), lt(auditLog.id, cursor.id)))
      : undefined,
  );
}

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  action: auditLog.action,
  mode: auditLog.mode,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  ip: auditLog.ip,
  details: auditLog.details,
  actorId: auditLog.actorId,
  actorName: users.name,
  actorEmail: users.email,
};

/** One page (limit + 1 read, to know whether there is another). */
export async function listAuditEntries(
  filter: AuditFilter,
  cursor: AuditCursor | undefined,
  limit: number,
): Promise<{ rows: AuditListRow[]; hasMore: boolean }> {
  const rows = await getDb()
    .select(columns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(whereOf(filter, cursor))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** Names of the people an audit page mentions by id (targets, requesters), in one query. */
export async function listUserNames(ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await getDb()
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The people who appear in the log, for the person filter. */
export async function listAuditActors(): Promise<{ id: string; name: string; email: string }[]> {
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(sql`exists (select 1 from ${auditLog} where ${auditLog.actorId} = ${users.id})`)
    .orderBy(users.name);
}

/**
 * Every matching entry, newest first, read through a server-side cursor in batches,
 * so an export of any size never sits in memory. The connection is released when
 * the iteration ends or is abandoned.
 */
export async function* streamAuditEntries(
  filter: AuditFilter,
  batchSize = 500,
): AsyncGenerator<AuditListRow[]> {
  const query = getDb()
    .select(columns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(whereOf(filter))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .toSQL();
  const client = await getPool().connect();
  const cursor = client.query(new Cursor(query.sql, query.params as unknown[]));
  try {
    for (;;) {
      const raw = (await cursor.read(batchSize)) as unknown[][] | Record<string, unknown>[];
      if (raw.length === 0) return;
      yield (raw as Record<string, unknown>[]).map(toRow);
    }
  } finally {
    await cursor.close().catch(() => undefined);
    client.release();
  }
}

function toRow(r: Record<string, unknown>): AuditListRow {
  return {
    id: Number(r.id),
    at: r.at instanceof Date ? r.at : new Date(String(r.at)),
    action: String(r.action),
    mode: (r.mode as string | null) ?? null,
    targetType: (r.target_type as string | null) ?? null,
    targetId: (r.target_id as string | null) ?? null,
    ip: (r.ip as string | null) ?? null,
    details: (r.details as Record<string, unknown>) ?? {},
    actorId: (r.actor_id as string | null) ?? null,
    actorName: (r.name as string | null) ?? null,
    actorEmail: (r.email as string | null) ?? null,
  };
}
