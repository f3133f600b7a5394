import { createServer, type Server, type Socket } from "node:net";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/ready/route";
import { startBackgroundJobs } from "@/lib/jobs/start";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { checkReadiness } from "./readiness";

const db = withTestDatabase();
const q = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  queryTestDb<T>(db.url(), sql, params);
const started = () => "started" as const;

/** A server that accepts connections and never says a word: a frozen PostgreSQL. */
async function silentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function waitingDelivery(minutesAgo: number): Promise<string> {
  const [row] = await q<{ id: string }>(
    `insert into callback_inbox (mode, delivery_id, body_hash, headers, raw_body, received_at, next_attempt_at)
     values ('local', gen_random_uuid()::text, '\\x00', '{}', '\\x7b7d',
             now() - make_interval(mins => $1), now() + interval '1 hour')
     returning id`,
    [minutesAgo],
  );
  return row!.id;
}

describe("readiness", () => {
  const pools: pg.Pool[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
  });

  it("is ready on a migrated database with the job runner started and the inbox moving", async () => {
    const readiness = await checkReadiness({ jobState: started });
    expect(readiness).toMatchObject({
      ready: true,
      failed: [],
      checks: {
        database: { ok: true },
        migrations: { ok: true, pending: 0 },
        jobs: { ok: true, state: "started" },
        inbox: { ok: true, pending: 0, oldestAgeSeconds: null },
      },
    });
  });

  it("fails the inbox check when a callback has waited longer than the threshold", async () => {
    const recent = await waitingDelivery(1);
    expect(await checkReadiness({ jobState: started, maxInboxLagSeconds: 120 })).toMatchObject({
      ready: true,
      checks: { inbox: { ok: true, pending: 1 } },
    });
    const old = await waitingDelivery(10);
    const readiness = await checkReadiness({ jobState: started, maxInboxLagSeconds: 120 });
    expect(readiness.ready).toBe(false);
    expect(readiness.failed).toEqual(["inbox"]);
    expect(readiness.checks.inbox.pending).toBe(2);
    expect(readiness.checks.inbox.oldestAgeSeconds).toBeGreaterThanOrEqual(599);
    await q("update callback_inbox set applied_at = now() where id = any($1)", [[recent, old]]);
  });

  it("fails the migrations check when the database is behind the build's journal", async () => {
    const [last] = await q<{ id: number; hash: string; created_at: string }>(
      "delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations) returning id, hash, created_at",
    );
    try {
      const readiness = await checkReadiness({ jobState: started });
      expect(readiness.failed).toEqual(["migrations"]);
      expect(readiness.checks.migrations).toEqual({ ok: false, pending: 1 });
    } finally {
      await q(
        "insert into drizzle.__drizzle_migrations (id, hash, created_at) values ($1, $2, $3)",
        [last!.id, last!.hash, last!.created_at],
      );
    }
  });

  it("fails the jobs check while the runner has not started, but not when it is off on purpose", async () => {
    expect((await checkReadiness({ jobState: () => "retrying" })).failed).toEqual(["jobs"]);
    expect((await checkReadiness({ jobState: () => "stopped" })).failed).toEqual(["jobs"]);
    expect((await checkReadiness({ jobState: () => "off" })).ready).toBe(true);
  });

  it("answers within about a second when the database accepts connections but never answers", async () => {
    const frozen = await silentServer();
    const pool = new pg.Pool({
      connectionString: `postgres://app:app@127.0.0.1:${frozen.port}/x`,
    });
    pools.push(pool);
    try {
      const before = performance.now();
      const readiness = await checkReadiness({ jobState: started, pool });
      expect(performance.now() - before).toBeLessThan(1500);
      expect(readiness.failed).toEqual(["database", "migrations", "inbox"]);
      expect(readiness.checks.database.ok).toBe(false);
    } finally {
      await frozen.close();
    }
  });

  it("fails the database check when PostgreSQL refuses the connection", async () => {
    const pool = new pg.Pool({ connectionString: "postgres://app:app@127.0.0.1:1/x" });
    pools.push(pool);
    const readiness = await checkReadiness({ jobState: started, pool });
    expect(readiness.ready).toBe(false);
    expect(readiness.failed).toContain("database");
  });
});

describe("GET /api/ready", () => {
  it("answers 200 with the checks and nothing secret, uncached", async () => {
    process.env.JOBS = "off";
    startBackgroundJobs();
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ ready: true, checks: { jobs: { state: "off" } } });
    const url = new URL(db.url());
    const secrets = [
      url.password,
      url.username,
      url.pathname.slice(1),
      url.hostname,
      "postgres://",
    ];
    for (const secret of secrets.filter(Boolean)) expect(text).not.toContain(secret);
  });

  it("answers 503 naming the failed check", async () => {
    await waitingDelivery(30);
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ready: false, failed: ["inbox"] });
  });
});
