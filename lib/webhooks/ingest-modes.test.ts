import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CallbackSecret } from "@/lib/gateway/config";
import { localCallbackSecret } from "@purwantara/contract";
import { callbackBody, callbackRequest, ingestWithSecrets } from "@/testing/callbacks";
import { withTestDatabase } from "@/testing/database";
import { webhookRecords } from "@/testing/webhook-records";
import { flushRejections } from "./rejections";

const db = withTestDatabase();
const records = webhookRecords(db.url);

// Two modes configured at once, as saved settings will allow: test (local) and live.
const secrets: CallbackSecret[] = [
  { mode: "local", slot: "current", secret: localCallbackSecret },
  { mode: "production", slot: "current", secret: "live-secret" },
  { mode: "production", slot: "previous", secret: "live-secret-old" },
];

async function ingest(body: Buffer, secret: string, deliveryId = randomUUID()) {
  const request = callbackRequest(body, { deliveryId, secret });
  const result = await ingestWithSecrets(request, secrets);
  return { ...result, deliveryId };
}

async function seed(mode: "local" | "production") {
  const uuid = randomUUID();
  const externalId = `PWD-${mode}-${randomUUID().slice(0, 8)}`;
  const [row] = await records.q<{ id: string }>(
    `insert into transactions (mode, channel, external_id, purwantara_uuid, title, amount, raw_status, state, payment_link_url)
     values ($1, 'payment-link', $2, $3, 'Seeded', 10000, 'ACTIVE', 'active', 'https://pay.example/x')
     returning id`,
    [mode, externalId, uuid],
  );
  return { id: row!.id, uuid, externalId };
}

const deliveryRows = (deliveryId: string) =>
  records.q<{
    outcome: string;
    mode: string;
    verified_with: string;
    transaction_id: string | null;
  }>(
    `select outcome, mode, verified_with, transaction_id from webhook_deliveries
     where delivery_id = $1 order by received_at`,
    [deliveryId],
  );

describe("receiveCallback: the secret that verified a delivery decides its mode", () => {
  it("applies a live-signed delivery to the live row, recording mode and slot", async () => {
    const live = await seed("production");
    const current = await ingest(callbackBody({ uuid: live.uuid }), "live-secret");
    expect(current.body).toEqual({ ok: true, outcome: "applied" });
    expect(await deliveryRows(current.deliveryId)).toEqual([
      { outcome: "applied", mode: "production", verified_with: "current", transaction_id: live.id },
    ]);
    expect(await records.transaction(live.id)).toMatchObject({ state: "paid" });

    const other = await seed("production");
    const rotated = await ingest(callbackBody({ uuid: other.uuid }), "live-secret-old");
    expect(await deliveryRows(rotated.deliveryId)).toMatchObject([
      { outcome: "applied", mode: "production", verified_with: "previous" },
    ]);
  });

  it("a test-signed delivery cannot read, match or change a live row, by uuid or external_id", async () => {
    const live = await seed("production");
    const byUuid = await ingest(
      callbackBody({ uuid: live.uuid, payment_link_url: "https://evil.example/" }),
      localCallbackSecret,
    );
    const byExternal = await ingest(
      callbackBody({ uuid: randomUUID(), external_id: live.externalId }),
      localCallbackSecret,
    );
    for (const d of [byUuid, byExternal]) {
      const rows = await deliveryRows(d.deliveryId);
      expect(rows).toHaveLength(1);
      // Identity is per mode: a test payment of its own, recorded in test.
      expect(rows[0]).toMatchObject({ mode: "local", outcome: "unmatched" });
      expect(rows[0]!.transaction_id).not.toBe(live.id);
    }
    const [row] = await records.q(
      "select state, raw_status, payment_link_url, flags from transactions where id = $1",
      [live.id],
    );
    expect(row).toEqual({
      state: "active",
      raw_status: "ACTIVE",
      payment_link_url: "https://pay.example/x",
      flags: [],
    });
  });

  it("a test delivery id never makes a live delivery with the same id a duplicate", async () => {
    const test = await seed("local");
    const live = await seed("production");
    const deliveryId = randomUUID();
    const first = await ingest(callbackBody({ uuid: test.uuid }), localCallbackSecret, deliveryId);
    const second = await ingest(callbackBody({ uuid: live.uuid }), "live-secret", deliveryId);
    expect([first.body.outcome, second.body.outcome]).toEqual(["applied", "applied"]);
    expect(await deliveryRows(deliveryId)).toEqual([
      { outcome: "applied", mode: "local", verified_with: "current", transaction_id: test.id },
      { outcome: "applied", mode: "production", verified_with: "current", transaction_id: live.id },
    ]);
    // …while a retry within the live mode is one.
    const again = await ingest(callbackBody({ uuid: live.uuid }), "live-secret", deliveryId);
    expect(again.body.outcome).toBe("duplicate");
  });

  it("answers 401 to a body signed with a secret of no configured mode", async () => {
    const live = await seed("production");
    const result = await ingest(callbackBody({ uuid: live.uuid }), "guessed");
    expect(result.status).toBe(401);
    await flushRejections();
    expect(await deliveryRows(result.deliveryId)).toEqual([]);
    expect(await records.transaction(live.id)).toMatchObject({ state: "active" });
  });
});

describe("replayOfStored + applyCallback: a stored delivery run again", () => {
  it("applies in the stored delivery's mode, recorded as a replay outside the dedupe index", async () => {
    const { replayOfStored } = await import("./ingest");
    const { applyCallback } = await import("./apply");
    const live = await seed("production");
    // First held: the amount differed from ours.
    const body = callbackBody({ uuid: live.uuid, amount: "12000" });
    const first = await ingest(body, "live-secret");
    expect(first.body.outcome).toBe("needs_review");
    const [stored] = await records.q<{ id: string }>(
      "select id from webhook_deliveries where delivery_id = $1",
      [first.deliveryId],
    );
    // Finance corrects our record; the stored delivery is replayed.
    await records.q("update transactions set amount = 12000 where id = $1", [live.id]);
    const replay = replayOfStored({
      id: stored!.id,
      deliveryId: first.deliveryId,
      headers: {},
      rawBody: body,
      mode: "production",
    });
    if (!replay.ok) throw new Error(replay.reason);
    const { getDb } = await import("@/db/client");
    const applied = await getDb().transaction((tx) => applyCallback(tx, replay.delivery));
    expect(applied.outcome).toBe("applied");
    const rows = await records.q<{ outcome: string; mode: string; replay_of: string | null }>(
      "select outcome, mode, replay_of from webhook_deliveries where delivery_id = $1 order by received_at",
      [first.deliveryId],
    );
    expect(rows).toEqual([
      { outcome: "needs_review", mode: "production", replay_of: null },
      { outcome: "applied", mode: "production", replay_of: stored!.id },
    ]);
    expect(await records.transaction(live.id)).toMatchObject({ state: "paid" });
  });
});
