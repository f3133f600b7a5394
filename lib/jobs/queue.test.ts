import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@purwantara/emulator/testing";
import { virtualAccount, type VirtualAccountForm } from "@/channels/virtual-account/server";
import { createPayment } from "@/lib/payments/create-payment";
import { withGatewayTestbed } from "@/testing/gateway-testbed";
import { queryTestDb } from "@/testing/database";
import { startJobQueue, sweepQueue, type JobQueue } from "./queue";

const { db, control, rowOf, eventsOf, user } = withGatewayTestbed({
  email: "queue@example.com",
});

const sql = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
  queryTestDb<T>(db.url(), text, params);

/** A paid VA whose callback never arrived, silent for an hour. */
async function lostPayment() {
  const form: VirtualAccountForm = {
    idempotencyKey: randomUUID(),
    bank: "BRI",
    name: "Budi",
    amount: 120_000n,
    description: "Batik",
    expiresAt: new Date(Date.now() + 86_400_000),
  };
  const result = await createPayment(virtualAccount, form, user());
  const uuid = String((await rowOf(result.transaction.id))?.purwantara_uuid);
  await control("drop-callbacks", { count: 1, uuid });
  await control(`transactions/${uuid}/pay`);
  await sql("update transactions set updated_at = now() - interval '1 hour' where id = $1", [
    result.transaction.id,
  ]);
  return result.transaction.id;
}

type Run = { id: number; job_id: string | null; started_at: Date; finished_at: Date | null };
const runs = () =>
  sql<Run>("select id, job_id, started_at, finished_at from sweep_runs order by started_at, id");

// Two app instances on one database, as behind a load balancer.
const instances: JobQueue[] = [];

beforeAll(async () => {
  const start = () =>
    startJobQueue({
      connectionString: db.url(),
      sweepCron: "* * * * *",
      pollingIntervalSeconds: 0.5,
      cronMonitorIntervalSeconds: 1,
      sweep: { settings: { ratePerSecond: 50 } },
    });
  instances.push(...(await Promise.all([start(), start()])));
}, 60_000);

afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop()));
}, 30_000);

describe("the scheduled status sweep", () => {
  it("runs on its schedule and settles a payment whose callback was lost", async () => {
    const id = await lostPayment();
    await eventually(async () => ((await rowOf(id))?.state === "paid" ? true : undefined), 30_000);
    expect((await eventsOf(id)).at(-1)).toEqual({ source: "sync", to_state: "paid" });
    // Done by a queued job, not called directly.
    expect((await runs()).some((r) => r.job_id !== null)).toBe(true);
    const schedules = await instances[0]!.boss.getSchedules();
    expect(schedules.map((s) => s.name)).toEqual([sweepQueue]);
  }, 60_000);

  it("never runs two sweeps at once, whichever instance asks", async () => {
    // Slow answers, so a sweep lasts long enough for the other instance to try.
    for (let i = 0; i < 3; i++) await lostPayment();
    await control("latency", { ms: 400 });
    const answers: (string | null)[] = [];
    for (let i = 0; i < 20; i++) {
      answers.push(await instances[i % 2]!.requestSweep());
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // At most one sweep waits while one runs: the rest of the requests are absorbed.
    expect(answers.filter((a) => a === null).length).toBeGreaterThan(0);
    await eventually(async () => {
      const size = await instances[0]!.boss.getQueueSize(sweepQueue, { before: "completed" });
      return size === 0 ? true : undefined;
    }, 30_000);
    await control("latency", { ms: 0 });

    const done = (await runs()).filter((r) => r.finished_at);
    expect(done.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < done.length; i++) {
      expect(done[i]!.started_at.getTime()).toBeGreaterThanOrEqual(
        done[i - 1]!.finished_at!.getTime(),
      );
    }
  }, 60_000);

  it("on stop, ends the running sweep after the row in hand and leaves no job active", async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await lostPayment());
    await control("latency", { ms: 500 });
    await instances[0]!.requestSweep();
    const running = await eventually(async () => {
      const [run] = await sql<Run>(
        "select id, job_id, started_at, finished_at from sweep_runs where finished_at is null",
      );
      return run;
    }, 20_000);

    await Promise.all(instances.map((i) => i.stop()));
    await control("latency", { ms: 0 });

    const [run] = await sql<{ stopped_early: string | null; updated: number }>(
      "select stopped_early, updated from sweep_runs where id = $1",
      [running.id],
    );
    expect(run).toMatchObject({ stopped_early: "stopping" });
    expect(run!.updated).toBeLessThan(ids.length);
    const active = await sql("select id from pgboss.job where name = $1 and state = 'active'", [
      sweepQueue,
    ]);
    expect(active).toEqual([]);
  }, 60_000);
});
