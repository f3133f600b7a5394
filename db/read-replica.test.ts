import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { getTransaction, insertCreatingTransaction } from "@/db/queries/transactions";
import { transactionTotals } from "@/db/queries/transaction-totals";
import {
  checkReadReplica,
  closeReadReplica,
  onReplicaChange,
  readReplicaState,
} from "./read-replica";
import { resolveFilter } from "@/lib/core/transaction-filter/resolve";
import { parseTransactionFilter } from "@/lib/core/transaction-filter/parse";
import { queryTestDb } from "@/testing/database";
import { postgresBinaries, startReplicaPair, type ReplicaPair } from "@/testing/pg-replica";

const maxLagSeconds = 4;
const database = "purwantara";

/** Polls `probe` until it returns true (no timing is asserted: only the end state). */
async function until(what: string, probe: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// A real streaming replica: a primary of its own (initdb) and `pg_basebackup -R`.
describe.skipIf(!postgresBinaries())("finance reads on a streaming read replica", () => {
  let pair: ReplicaPair;
  let userId: string;
  const changes: string[] = [];
  const primary = () => pair.primaryUrl(database);
  const standby = () => pair.standbyUrl(database);
  const allSandbox = () =>
    resolveFilter(parseTransactionFilter(new URLSearchParams()).filter, "sandbox", "Asia/Jakarta");
  const countOn = async (url: string) =>
    Number((await queryTestDb<{ n: string }>(url, "select count(*) as n from transactions"))[0]!.n);
  const insertPaid = () =>
    queryTestDb(
      primary(),
      `insert into transactions (mode, channel, external_id, amount, state, paid_at)
       values ('sandbox', 'qris', $1, 150000, 'paid', now())`,
      [`replica-${randomUUID()}`],
    );

  beforeAll(async () => {
    pair = await startReplicaPair();
    await queryTestDb(pair.primaryUrl("postgres"), `create database ${database}`);
    await runMigrations(primary());
    [{ id: userId }] = await queryTestDb<{ id: string }>(
      primary(),
      "insert into users (email, name, password_hash, role) values ('r@example.com', 'R', 'x', 'admin') returning id",
    ).then((rows) => rows as [{ id: string }]);
    process.env.DATABASE_URL = primary();
    process.env.DATABASE_READ_URL = standby();
    process.env.DATABASE_READ_MAX_LAG_SECONDS = String(maxLagSeconds);
    process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
    onReplicaChange((from, to) => changes.push(`${from}->${to.kind}`));
  }, 120_000);

  afterAll(async () => {
    await closeReadReplica();
    await closeDb();
    await pair?.stop();
  });

  it("reads totals from the replica (a paused replay shows the stale figure), then falls back to the primary once it is too far behind", async () => {
    await insertPaid();
    await until("the row reaches the standby", async () => (await countOn(standby())) === 1);
    expect(await checkReadReplica()).toMatchObject({ kind: "in-use" });
    expect((await transactionTotals(allSandbox())).count).toBe(1);

    await queryTestDb(standby(), "select pg_wal_replay_pause()");
    await insertPaid();
    expect(await countOn(primary())).toBe(2);
    // Within the allowance (the last replayed commit is seconds old): the replica answers.
    expect(await checkReadReplica()).toMatchObject({ kind: "in-use" });
    expect((await transactionTotals(allSandbox())).count, "stale: read on the replica").toBe(1);
    await until(
      "the paused replica falls behind the threshold",
      async () => (await checkReadReplica()).kind === "behind",
    );
    expect((await transactionTotals(allSandbox())).count, "fell back to the primary").toBe(2);

    await queryTestDb(standby(), "select pg_wal_replay_resume()");
    await until("the replica catches up", async () => (await checkReadReplica()).kind === "in-use");
    expect((await transactionTotals(allSandbox())).count).toBe(2);
    expect(changes).toEqual(["unchecked->in-use", "in-use->behind", "behind->in-use"]);
  });

  it("writes go to the primary and the hand-off after create reads it, while the replica lags", async () => {
    await queryTestDb(standby(), "select pg_wal_replay_pause()");
    const { transaction } = await insertCreatingTransaction({
      mode: "sandbox",
      channel: "qris",
      externalId: `handoff-${randomUUID()}`,
      amount: "25000",
      createdBy: userId,
      idempotencyKey: randomUUID(),
    });
    expect(await getTransaction(transaction.id, "sandbox")).toMatchObject({ id: transaction.id });
    expect(
      await queryTestDb(standby(), "select id from transactions where id = $1", [transaction.id]),
      "not on the paused replica",
    ).toEqual([]);
    await queryTestDb(standby(), "select pg_wal_replay_resume()");
  });

  it("skips an unreachable replica: reads go to the primary, and the change is logged once", async () => {
    await pair.stopStandby();
    expect(await checkReadReplica()).toMatchObject({ kind: "unreachable" });
    expect(await checkReadReplica()).toMatchObject({ kind: "unreachable" });
    expect(readReplicaState().kind).toBe("unreachable");
    expect((await transactionTotals(allSandbox())).count).toBe(await countOn(primary()));
    expect(changes.filter((c) => c.endsWith("->unreachable"))).toHaveLength(1);
  });
});
