import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { virtualAccount, type VirtualAccountForm } from "@/channels/virtual-account/server";
import { createPayment } from "@/lib/payments/create-payment";
import { withGatewayTestbed } from "@/testing/gateway-testbed";
import { queryTestDb } from "@/testing/database";
import { lastSweep } from "./health";
import { runStatusSweep } from "./status-sweep";

const { db, control, rowOf, eventsOf, user } = withGatewayTestbed({
  email: "sweep@example.com",
});

const form = (): VirtualAccountForm => ({
  idempotencyKey: randomUUID(),
  bank: "BNI",
  name: "Sari",
  amount: 75_000n,
  description: "Kain tenun",
  expiresAt: new Date(Date.now() + 86_400_000),
});

const sql = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
  queryTestDb<T>(db.url(), text, params);

/** An open VA at the emulator whose next callback is dropped (as if Purwantara gave up). */
async function openPayment() {
  const result = await createPayment(virtualAccount, form(), user());
  const row = await rowOf(result.transaction.id);
  expect(row).toMatchObject({ state: "active" });
  const uuid = String(row?.purwantara_uuid);
  await control("drop-callbacks", { count: 1, uuid });
  return { id: result.transaction.id, uuid };
}

/** Makes our row look silent since `minutes` ago. */
const silentFor = (id: string, minutes: number) =>
  sql(`update transactions set updated_at = now() - make_interval(mins => $2) where id = $1`, [
    id,
    minutes,
  ]);

const checkOf = async (id: string) =>
  (
    await sql<{ outcome: string; error: string | null; attempts: number }>(
      "select outcome, error, attempts from payment_sync_checks where transaction_id = $1",
      [id],
    )
  )[0];

// Fast pacing: the emulator is local; the real gateway gets the configured rate.
const fast = { settings: { ratePerSecond: 50 } };

describe("the status sweep", () => {
  it("finds a payment whose callback was dropped, applies PAID with a sync event, and records the run", async () => {
    const lost = await openPayment();
    const young = await openPayment();
    const paid = await (await control(`transactions/${lost.uuid}/pay`)).json();
    expect(paid).toMatchObject({ callback: "dropped" });
    await control(`transactions/${young.uuid}/pay`);
    await silentFor(lost.id, 60);

    const [run] = await runStatusSweep(fast);

    expect(await rowOf(lost.id)).toMatchObject({ state: "paid", raw_status: "PAID" });
    expect((await eventsOf(lost.id)).at(-1)).toEqual({ source: "sync", to_state: "paid" });
    // Not silent for long enough yet: its callback may still be on its way.
    expect(await rowOf(young.id)).toMatchObject({ state: "active" });
    expect(await checkOf(young.id)).toBeUndefined();
    expect(run).toMatchObject({ mode: "local", candidates: 1, updated: 1, failed: 0 });
    expect(await checkOf(lost.id)).toMatchObject({ outcome: "updated", error: null });
    expect(await lastSweep()).toEqual([
      expect.objectContaining({
        mode: "local",
        candidates: 1,
        updated: 1,
        stoppedEarly: null,
        finishedAt: expect.any(Date),
      }),
    ]);

    // Paid rows are no longer open: the next run has nothing to ask.
    const [again] = await runStatusSweep(fast);
    expect(again).toMatchObject({ candidates: 0, updated: 0 });
    // The young one, once silent, is found too.
    await silentFor(young.id, 60);
    await runStatusSweep(fast);
    expect(await rowOf(young.id)).toMatchObject({ state: "paid" });
  });

  it("moves a payment past its expiry to EXPIRED, even when it was heard of recently", async () => {
    const { id, uuid } = await openPayment();
    await control(`transactions/${uuid}/expire`);
    await sql("update transactions set expires_at = now() - interval '2 minutes' where id = $1", [
      id,
    ]);

    await runStatusSweep(fast);

    expect(await rowOf(id)).toMatchObject({ state: "expired", raw_status: "EXPIRED" });
    expect((await eventsOf(id)).at(-1)).toEqual({ source: "sync", to_state: "expired" });
  });

  it("backs off a row the gateway still calls ACTIVE", async () => {
    const { id } = await openPayment();
    await silentFor(id, 60);
    await runStatusSweep(fast);
    expect(await checkOf(id)).toMatchObject({ outcome: "unchanged", attempts: 1 });
    const [next] = await sql<{ wait: number }>(
      "select extract(epoch from next_check_at - checked_at)::int as wait from payment_sync_checks where transaction_id = $1",
      [id],
    );
    expect(next?.wait).toBe(300);
    // Not due again until its backoff runs out.
    await runStatusSweep(fast);
    expect(await checkOf(id)).toMatchObject({ attempts: 1 });
    await sql("update payment_sync_checks set next_check_at = now() where transaction_id = $1", [
      id,
    ]);
    await runStatusSweep(fast);
    expect(await checkOf(id)).toMatchObject({ outcome: "unchanged", attempts: 2 });
  });

  it("keeps sweeping the other rows when the gateway fails on one, and records the failure", async () => {
    const payments = [await openPayment(), await openPayment(), await openPayment()];
    for (const p of payments) {
      await control(`transactions/${p.uuid}/pay`);
      await silentFor(p.id, 60);
    }
    await control("fail-next", { count: 1, status: 503 });

    const [run] = await runStatusSweep(fast);

    expect(run).toMatchObject({ failed: 1, updated: 2, stoppedEarly: null });
    const states = await Promise.all(payments.map(async (p) => (await rowOf(p.id))?.state));
    expect(states.filter((s) => s === "paid")).toHaveLength(2);
    const failed = payments[states.indexOf("active")]!;
    expect(await checkOf(failed.id)).toEqual({
      outcome: "error",
      error: "gateway: gateway 503 SERVER_ERROR",
      attempts: 1,
    });
    // Its backoff passes; the next run settles it.
    await sql("update payment_sync_checks set next_check_at = now() where transaction_id = $1", [
      failed.id,
    ]);
    await runStatusSweep(fast);
    expect(await rowOf(failed.id)).toMatchObject({ state: "paid" });
  });

  it("stops a mode's run when the gateway says to slow down, leaving the rest for later", async () => {
    const payments = [await openPayment(), await openPayment()];
    for (const p of payments) await silentFor(p.id, 60);
    await control("fail-next", { count: 1, status: 429 });

    const [run] = await runStatusSweep(fast);

    expect(run).toMatchObject({ candidates: 2, failed: 1, stoppedEarly: "rate_limited" });
    const checks = await Promise.all(payments.map((p) => checkOf(p.id)));
    expect(checks.filter(Boolean)).toHaveLength(1);
    for (const p of payments) expect(await rowOf(p.id)).toMatchObject({ state: "active" });
    await runStatusSweep(fast); // the one left waiting, so the next test starts clean
  });

  it("ends a mode's run after five failures in a row (the gateway is down)", async () => {
    const payments = [];
    for (let i = 0; i < 6; i++) payments.push(await openPayment());
    for (const p of payments) await silentFor(p.id, 60);
    await control("fail-next", { count: 5, status: 502 });

    const [run] = await runStatusSweep(fast);

    expect(run).toMatchObject({ candidates: 6, failed: 5, stoppedEarly: "gateway_down" });
    const checks = await Promise.all(payments.map((p) => checkOf(p.id)));
    expect(checks.filter((c) => c?.outcome === "error")).toHaveLength(5);
    expect(checks.filter((c) => c === undefined)).toHaveLength(1);
    await runStatusSweep(fast);
  });

  it("stops taking rows when its time budget is spent", async () => {
    const p = await openPayment();
    await silentFor(p.id, 60);
    const [run] = await runStatusSweep({ settings: { ratePerSecond: 50, timeBudgetMs: -1 } });
    expect(run).toMatchObject({ stoppedEarly: "time_budget", updated: 0, unchanged: 0 });
    expect(await checkOf(p.id)).toBeUndefined();
    // Leave nothing due for the tests after this one.
    await runStatusSweep(fast);
  });

  it("only sweeps the configured modes: a row of another mode is never asked about", async () => {
    const lost = await openPayment();
    await control(`transactions/${lost.uuid}/pay`);
    // The same payment filed under sandbox, which has no credentials here.
    const [copy] = await sql<{ id: string }>(
      `insert into transactions (mode, channel, external_id, purwantara_uuid, amount, state, updated_at)
       select 'sandbox', channel, external_id || '-sb', purwantara_uuid || '-sb', amount, 'active',
              now() - interval '1 hour'
         from transactions where id = $1
       returning id`,
      [lost.id],
    );

    const runs = await runStatusSweep(fast);

    expect(runs.map((r) => r.mode)).toEqual(["local"]);
    expect(await rowOf(copy!.id)).toMatchObject({ state: "active" });
    expect(await checkOf(copy!.id)).toBeUndefined();
  });

  it("searches the channel's list for an unconfirmed payment and brings it to life", async () => {
    await control("latency", { ms: 1800 });
    const result = await createPayment(virtualAccount, form(), user());
    await control("latency", { ms: 0 });
    expect(await rowOf(result.transaction.id)).toMatchObject({ state: "unconfirmed" });
    await silentFor(result.transaction.id, 10);

    await runStatusSweep(fast);

    expect(await rowOf(result.transaction.id)).toMatchObject({ state: "active" });
    expect((await eventsOf(result.transaction.id)).at(-1)).toEqual({
      source: "sync",
      to_state: "active",
    });
  });

  it("ends after the row in hand when the process is stopping", async () => {
    const payments = [await openPayment(), await openPayment()];
    for (const p of payments) await silentFor(p.id, 60);
    const stopping = new AbortController();
    stopping.abort();

    const [run] = await runStatusSweep({ ...fast, signal: stopping.signal });

    expect(run).toBeUndefined();
    const [mid] = await runStatusSweep({ settings: { ratePerSecond: 0.5 }, signal: abortSoon() });
    expect(mid).toMatchObject({ stoppedEarly: "stopping" });
    expect(mid!.updated + mid!.unchanged).toBeLessThan(2);
  });
});

/** A signal aborted once the first row's check is under way (the pacer then waits 2 s). */
function abortSoon(): AbortSignal {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 500);
  return controller.signal;
}
