import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Delivery } from "../../testing/callback-fleet";
import { startNginx, type Nginx } from "./nginx";
import { clusterPorts, replicas, type ClusterPorts, type Replica } from "./replicas";

/** Three replicas of one build behind nginx on one fresh database (made by scripts/test.ts). */
export type Cluster = {
  ports: ClusterPorts;
  replicas: Replica[];
  nginx: Nginx;
  dir: string;
  /** The database as its owner, for counting rows. */
  db: pg.Pool;
  stop: () => Promise<void>;
};

export async function startCluster(): Promise<Cluster> {
  const ports = clusterPorts();
  const dir = mkdtempSync(join(tmpdir(), "purwantara-cluster-"));
  const appDatabaseUrl = process.env.E2E_APP_DATABASE_URL ?? "";
  const list = replicas(ports, appDatabaseUrl, dir);
  // One after the other: three builds starting at once on two cores all start slowly.
  for (const replica of list) await replica.start();
  const nginx = await startNginx({
    dir: join(dir, "nginx"),
    port: ports.proxy,
    replicaPorts: ports.replicas,
  });
  const db = new pg.Pool({ connectionString: process.env.E2E_DATABASE_URL, max: 4 });
  return {
    ports,
    replicas: list,
    nginx,
    dir,
    db,
    stop: async () => {
      await Promise.all(list.filter((r) => r.running).map((r) => r.terminate()));
      await nginx.stop();
      await db.end();
      if (process.env.CLUSTER_KEEP_LOGS !== "1") rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A replica's own log (its pino lines and scripts/start.mjs's), for what it said on stopping. */
export function replicaLog(cluster: Cluster, replica: Replica): string {
  return readFileSync(join(cluster.dir, `replica-${replica.index}.log`), "utf8");
}

export async function count(db: pg.Pool, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(sql, params);
  return rows[0]!.n;
}

/** Callbacks stored but not yet applied, whichever replica took them. */
export const pendingInInbox = (db: pg.Pool) =>
  count(db, "select count(*)::int as n from callback_inbox where applied_at is null");

/** How many of `deliveries` the inbox holds (applied or not). */
export const taken = (db: pg.Pool, deliveries: readonly Delivery[]) =>
  count(db, "select count(*)::int as n from callback_inbox where delivery_id = any($1::text[])", [
    deliveries.map((d) => d.deliveryId),
  ]);

/**
 * Straight from the rows: for `deliveries` (one unknown payment each), how many
 * transactions, distinct payments, paid ones, and deliveries recorded as their first
 * (unmatched) apply. Exactly once is all four equal to the number sent.
 */
export async function recorded(db: pg.Pool, deliveries: readonly Delivery[]) {
  const uuids = deliveries.map((d) => d.uuid);
  const { rows } = await db.query<{ rows: number; distinct: number; paid: number }>(
    `select count(*)::int as rows, count(distinct purwantara_uuid)::int as distinct,
            count(*) filter (where state = 'paid')::int as paid
       from transactions where purwantara_uuid = any($1::text[])`,
    [uuids],
  );
  const applied = await count(
    db,
    `select count(*)::int as n from webhook_deliveries
      where delivery_id = any($1::text[]) and outcome = 'unmatched'`,
    [deliveries.map((d) => d.deliveryId)],
  );
  return { ...rows[0]!, applied };
}
