import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@purwantara/emulator/testing";
import type { CallbackSecret } from "@/lib/gateway/config";
import { stopJobSender } from "@/lib/jobs/enqueue";
import { startJobQueue, type JobQueue } from "@/lib/jobs/queue";
import { callbackBody, callbackRequest, ingestWithSecrets } from "@/testing/callbacks";
import { insertTestUser } from "@/testing/accounts";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { startRelayReceiver, type RelayReceiver } from "@/testing/relay-receiver";
import {
  addRelayEndpoint,
  replayRelayDelivery,
  rotateRelaySecret,
  sendRelayTestEvent,
  type RelayActor,
} from "./endpoints";
import type { RelayEventType } from "@/lib/core/relay-events";

const db = withTestDatabase();
const q = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  queryTestDb<T>(db.url(), sql, params);

const secrets: CallbackSecret[] = [
  { mode: "sandbox", slot: "current", secret: "relay-sandbox-secret" },
  { mode: "production", slot: "current", secret: "relay-live-secret" },
];
const secretOf = { sandbox: "relay-sandbox-secret", production: "relay-live-secret" } as const;

let receiver: RelayReceiver;
let adminId: string;
const runners: JobQueue[] = [];
const allEvents: RelayEventType[] = [
  "payment.created",
  "payment.paid",
  "payment.expired",
  "payment.settled",
  "payment.flagged",
];

beforeAll(async () => {
  receiver = await startRelayReceiver();
  adminId = await insertTestUser(db.url(), {
    email: `admin-${randomUUID()}@x.id`,
    password: "x",
    role: "admin",
  });
  // Two app instances on one database, each running the relay's workers, as the app's
  // runtime role (which also queues the dispatch after a commit).
  const start = () =>
    startJobQueue({
      connectionString: db.runtimeUrl(),
      pollingIntervalSeconds: 0.5,
      relay: { relay: { retryBaseSeconds: 1, retryMaxSeconds: 1, leaseSeconds: 30 } },
    });
  runners.push(...(await Promise.all([start(), start()])));
}, 60_000);

afterAll(async () => {
  await Promise.all(runners.map((r) => r.stop()));
  await stopJobSender();
  await receiver.close();
}, 40_000);

/** An endpoint of `mode` at a fresh path of the receiver, its secret given to the receiver. */
async function endpoint(mode: "sandbox" | "production", events = allEvents) {
  const path = `/hook-${randomUUID().slice(0, 8)}`;
  const actor: RelayActor = { userId: adminId, mode, ip: null };
  const { endpoint, secret } = await addRelayEndpoint(actor, {
    url: `${receiver.origin}${path}`,
    description: "ERP",
    events,
  });
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
  receiver.secret(path, secret);
  return { id: endpoint.id, path, actor, secret };
}

/** A signed callback from Purwantara in `mode`, through the real receive path. */
async function callback(mode: "sandbox" | "production", fields: Record<string, string | null>) {
  const body = callbackBody(fields);
  const result = await ingestWithSecrets(
    callbackRequest(body, { secret: secretOf[mode] }),
    secrets,
  );
  expect(result.status).toBe(200);
}

const rowsOf = (endpointId: string) =>
  q<{ id: string; event_type: string; state: string; tries: number; last_status: number | null }>(
    "select id, event_type, state, tries, last_status from relay_deliveries where endpoint_id = $1 order by seq",
    [endpointId],
  );

describe("the signed relay", { timeout: 60_000 }, () => {
  it("passes each event on once per endpoint, signed, in order per payment, through failures", async () => {
    const hook = await endpoint("sandbox", ["payment.created", "payment.paid", "payment.settled"]);
    // The first two tries of every request fail: each event needs retries.
    receiver.failNext(hook.path, 4);
    const uuid = randomUUID();
    await callback("sandbox", { uuid, status: "ACTIVE", paid_at: null });
    await callback("sandbox", { uuid, status: "PAID" });
    await callback("sandbox", { uuid, status: "SETTLED", settle_at: "2026-11-24T05:00:00Z" });
    const rows = await eventually(async () => {
      const r = await rowsOf(hook.id);
      return r.length === 3 && r.every((x) => x.state === "delivered") ? r : undefined;
    }, 40_000);
    expect(rows.map((r) => r.event_type)).toEqual([
      "payment.created",
      "payment.paid",
      "payment.settled",
    ]);
    expect(rows.reduce((n, r) => n + r.tries, 0)).toBe(3 + 4);
    // Every try is kept, not only the last: four refusals and three deliveries.
    const tries = await q<{ status: number }>(
      "select t.status from relay_tries t join relay_deliveries d on d.id = t.delivery_id where d.endpoint_id = $1 order by t.at",
      [hook.id],
    );
    expect(tries.map((t) => t.status).sort()).toEqual([200, 200, 200, 503, 503, 503, 503]);
    const got = receiver.received.filter((r) => r.path === hook.path);
    expect(got.every((r) => r.verified)).toBe(true);
    // Delivered once each, in order, and never an event before the one before it was delivered.
    const delivered = receiver.delivered(hook.path);
    expect(delivered.map((r) => r.body?.type)).toEqual(rows.map((r) => r.event_type));
    expect(new Set(delivered.map((r) => r.id)).size).toBe(3);
    for (let n = 1; n < delivered.length; n++) {
      const firstTry = got.findIndex((r) => r.id === delivered[n]!.id);
      expect(firstTry).toBeGreaterThan(got.indexOf(delivered[n - 1]!));
    }
    expect(delivered[1]!.body?.data).toMatchObject({
      purwantara_uuid: uuid,
      state: "paid",
      mode: "sandbox",
    });
  });

  it("keeps the mode: a sandbox payment reaches only sandbox endpoints", async () => {
    const test = await endpoint("sandbox");
    const live = await endpoint("production");
    await callback("sandbox", { uuid: randomUUID(), status: "PAID" });
    await eventually(
      async () => (receiver.delivered(test.path).length === 2 ? true : undefined),
      15_000,
    );
    expect(await rowsOf(live.id)).toEqual([]);
    expect(receiver.received.filter((r) => r.path === live.path)).toEqual([]);
  });

  it("sends only the events an endpoint asks for", async () => {
    const paidOnly = await endpoint("production", ["payment.paid"]);
    await callback("production", { uuid: randomUUID(), status: "PAID" });
    await eventually(
      async () => (receiver.delivered(paidOnly.path).length === 1 ? true : undefined),
      15_000,
    );
    expect((await rowsOf(paidOnly.id)).map((r) => r.event_type)).toEqual(["payment.paid"]);
  });

  it("does not follow a redirect: a 302 is a failed try", async () => {
    const hook = await endpoint("sandbox", ["payment.paid"]);
    const elsewhere = `/elsewhere-${randomUUID().slice(0, 8)}`;
    receiver.secret(elsewhere, "whsec_" + Buffer.alloc(32, 1).toString("base64"));
    receiver.redirect(hook.path, `${receiver.origin}${elsewhere}`);
    await callback("sandbox", { uuid: randomUUID(), status: "PAID" });
    const [row] = await eventually(async () => {
      const r = await rowsOf(hook.id);
      return r[0] && r[0].tries >= 2 && r[0].state === "pending" ? r : undefined;
    }, 15_000);
    expect(row).toMatchObject({ state: "pending", last_status: 302 });
    expect(receiver.received.filter((r) => r.path === elsewhere)).toEqual([]);
  });

  it("gives an event up after its time, then lets the payment's next event go; replay sends it again", async () => {
    const hook = await endpoint("sandbox", ["payment.created", "payment.paid"]);
    receiver.failNext(hook.path, 1_000);
    const uuid = randomUUID();
    await callback("sandbox", { uuid, status: "ACTIVE", paid_at: null });
    await callback("sandbox", { uuid, status: "PAID" });
    const [created] = await eventually(async () => {
      const r = await rowsOf(hook.id);
      return r[0] && r[0].tries >= 1 ? r : undefined;
    }, 15_000);
    // Its three days are up (set, not waited for); the paid event waited all along.
    expect((await rowsOf(hook.id))[1]).toMatchObject({ event_type: "payment.paid", tries: 0 });
    await q("update relay_deliveries set give_up_at = now() where id = $1", [created!.id]);
    await eventually(async () =>
      (await rowsOf(hook.id))[0]?.state === "failed" ? true : undefined,
    );
    receiver.failNext(hook.path, 0);
    await eventually(
      async () => ((await rowsOf(hook.id))[1]?.state === "delivered" ? true : undefined),
      15_000,
    );
    // A replay is queued and answered at once; the job delivers it.
    await replayRelayDelivery(hook.actor, hook.id, created!.id);
    await eventually(
      async () => ((await rowsOf(hook.id))[0]?.state === "delivered" ? true : undefined),
      15_000,
    );
    expect(receiver.delivered(hook.path).map((r) => r.body?.type)).toEqual([
      "payment.paid",
      "payment.created",
    ]);
  });

  it("pauses an endpoint failing for a day, audited; its events wait", async () => {
    const hook = await endpoint("sandbox", ["payment.paid"]);
    receiver.failNext(hook.path, 1_000);
    await q(
      "update relay_endpoints set failing_since = now() - interval '25 hours' where id = $1",
      [hook.id],
    );
    await callback("sandbox", { uuid: randomUUID(), status: "PAID" });
    const [paused] = await eventually(async () => {
      const r = await q<{ paused_reason: string | null }>(
        "select paused_reason from relay_endpoints where id = $1 and paused_at is not null",
        [hook.id],
      );
      return r.length ? r : undefined;
    }, 15_000);
    expect(paused!.paused_reason).toBe("failing");
    const audit = await q(
      "select 1 from audit_log where action = 'relay.endpoint_paused' and target_id = $1",
      [hook.id],
    );
    expect(audit).toHaveLength(1);
    const tries = (await rowsOf(hook.id))[0]!.tries;
    receiver.failNext(hook.path, 0);
    await callback("sandbox", { uuid: randomUUID(), status: "PAID" });
    const rows = await eventually(async () => {
      const r = await rowsOf(hook.id);
      return r.length === 2 ? r : undefined;
    });
    // Paused: nothing is claimed, whatever the dispatcher queues.
    expect(rows.map((r) => r.state)).toEqual(["pending", "pending"]);
    expect(rows[0]!.tries).toBe(tries);
    expect(rows[1]!.tries).toBe(0);
  });

  it("signs with the old secret beside the new one for a day after a rotation; test events are queued", async () => {
    const hook = await endpoint("sandbox", ["payment.paid"]);
    const { secret, previousUntil } = await rotateRelaySecret(hook.actor, hook.id);
    expect(previousUntil.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    const delivered = (n: number) =>
      eventually(
        async () => (receiver.delivered(hook.path).length === n ? true : undefined),
        20_000,
      );
    // The receiver still holds the old secret: verified during the overlap.
    await sendRelayTestEvent(hook.actor, hook.id);
    await delivered(1);
    // Switched to the new one: verified too.
    receiver.secret(hook.path, secret);
    await sendRelayTestEvent(hook.actor, hook.id);
    await delivered(2);
    expect(receiver.delivered(hook.path).every((r) => r.verified)).toBe(true);
    // After the overlap only the new secret signs: a receiver on the old one refuses.
    await q(
      "update relay_endpoints set previous_secret_until = now() - interval '1 second' where id = $1",
      [hook.id],
    );
    const before = receiver.received.length;
    receiver.secret(hook.path, hook.secret);
    await sendRelayTestEvent(hook.actor, hook.id);
    const refused = await eventually(
      async () => receiver.received.slice(before).find((r) => r.path === hook.path),
      20_000,
    );
    expect(refused).toMatchObject({ verified: false, status: 401 });
  });
});
