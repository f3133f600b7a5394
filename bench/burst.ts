/**
 * `npm run bench`, money-in section (issue 14), its own process and database, against
 * the built app (`next start`), one process and two on one PostgreSQL:
 *   1. burst: 1,000 signed PAIDs for payments the app does not hold, at concurrency
 *      100 and 200, with Purwantara's retry schedule (3 s timeout; retries after 10 s
 *      and 100 s): answers by status, how many were recorded, and the time until all
 *      were applied;
 *   2. callbacks during a sign-in flood: 120 wrong passwords from many addresses
 *      (Auth.js's credentials endpoint) while 200 callbacks arrive: callback p50/p99
 *      and statuses.
 * Prints figures; asserts nothing about speed.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { findFreePort } from "../tools/embedded-postgres";
import { runMigrations } from "../db/migrate";
import { connectDatabaseServer } from "../tools/database-server";
import { postCallback, sendBurst, unknownPayments, type Delivery } from "../testing/callback-fleet";
import { hashPassword } from "../lib/auth/password";
import { callbackDelivery } from "@purwantara/contract";
import { ProcessGroup, waitForHttp } from "../scripts/processes";

const purwantara = { timeoutMs: callbackDelivery.timeoutMs, waitsMs: callbackDelivery.backoffMs };

async function startApps(count: number, databaseUrl: string, group: ProcessGroup) {
  const ports: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const port = await findFreePort();
    group.start("next", "next", ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      APP_URL: `http://127.0.0.1:${port}`,
      PURWANTARA_MODE: "local",
      PURWANTARA_ALLOW_LOCAL_IN_PRODUCTION: "1",
      TRUSTED_PROXIES: "127.0.0.1/32",
      JOBS: "off",
    });
    ports.push(port);
  }
  await Promise.all(ports.map((p) => waitForHttp(`http://127.0.0.1:${p}/api/health`, 90_000)));
  return ports;
}

async function recorded(client: pg.Client, deliveries: readonly Delivery[]) {
  const { rows } = await client.query<{ n: number; pending: number }>(
    `select (select count(distinct purwantara_uuid)::int from transactions where purwantara_uuid = any($1::text[])) as n,
            (select count(*)::int from callback_inbox where applied_at is null) as pending`,
    [deliveries.map((d) => d.uuid)],
  );
  return rows[0]!;
}

async function burst(client: pg.Client, ports: number[], concurrency: number) {
  const deliveries = unknownPayments(1000);
  const started = performance.now();
  const result = await sendBurst(deliveries, () => ports, concurrency, purwantara);
  const answeredS = (performance.now() - started) / 1000;
  let now = await recorded(client, deliveries);
  while (now.pending > 0 && performance.now() - started < 300_000) {
    await new Promise((r) => setTimeout(r, 100));
    now = await recorded(client, deliveries);
  }
  return {
    processes: ports.length,
    concurrency,
    firstAnswers: result.first,
    everyTry: result.statuses,
    gaveUp: result.gaveUp,
    recorded: now.n,
    answeredInS: +answeredS.toFixed(1),
    allAppliedInS: +((performance.now() - started) / 1000).toFixed(1),
  };
}

/** One wrong password through Auth.js's credentials endpoint, as from `ip`. */
async function wrongPassword(base: string, email: string, ip: string): Promise<number> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { "X-Forwarded-For": ip } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: cookie,
      "X-Forwarded-For": ip,
    },
    body: new URLSearchParams({ csrfToken, email, password: `wrong-${ip}` }),
  });
  return response.status;
}

async function flood(client: pg.Client, port: number) {
  const base = `http://127.0.0.1:${port}`;
  const email = "flood-owner@example.com";
  await client.query(
    "insert into users (email, name, password_hash, role) values ($1, 'Owner', $2, 'admin') on conflict do nothing",
    [email, await hashPassword(randomBytes(16).toString("hex"))],
  );
  const signIns = Promise.all(
    Array.from({ length: 120 }, (_, i) =>
      wrongPassword(base, email, `203.0.113.${i + 1}`).catch(() => 0),
    ),
  );
  const deliveries = unknownPayments(200);
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < deliveries.length) {
        const t0 = performance.now();
        const status = await postCallback(port, deliveries[next++]!, purwantara.timeoutMs);
        latencies.push(performance.now() - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const signInStatuses: Record<number, number> = {};
  for (const s of await signIns) signInStatuses[s] = (signInStatuses[s] ?? 0) + 1;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round(latencies[Math.floor((p / 100) * (latencies.length - 1))]!);
  return { callbacks: statuses, p50: at(50), p99: at(99), signInAnswers: signInStatuses };
}

async function main() {
  const server = await connectDatabaseServer(process.env.DATABASE_URL, {
    dataDir: ".data/pg-bench",
    port: await findFreePort(),
  });
  const database = `purwantara_burst_${process.pid}`;
  await server.dropDatabase(database);
  await server.ensureDatabase(database);
  await runMigrations(server.urlFor(database));
  const client = new pg.Client({ connectionString: server.urlFor(database) });
  await client.connect();
  const group = new ProcessGroup();
  try {
    console.log(
      "\nmoney in: 1,000 signed PAIDs for payments the app does not hold, Purwantara's retries",
    );
    for (const count of [1, 2]) {
      const ports = await startApps(count, server.urlFor(database), group);
      for (const concurrency of [100, 200]) console.log(await burst(client, ports, concurrency));
      if (count === 1)
        console.log(
          "\ncallbacks during a sign-in flood (120 wrong passwords, 200 callbacks, one process)",
          await flood(client, ports[0]!),
        );
      await group.stopAll();
    }
  } finally {
    await client.end().catch(() => {});
    await group.stopAll();
    await server.dropDatabase(database);
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
