import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/purwantara/route";
import { callbackBody, callbackRequest } from "@/testing/callbacks";
import { withTestDatabase } from "@/testing/database";
import { webhookRecords } from "@/testing/webhook-records";
import { dismissDelivery, replayDelivery, ReplayError, type ReplayRefusal } from "./replay";

const db = withTestDatabase();
const records = webhookRecords(db.url);

async function admin(): Promise<string> {
  const [row] = await records.q<{ id: string }>(
    `insert into users (email, name, password_hash, role) values ($1, 'Admin', 'x', 'admin') returning id`,
    [`admin-${randomUUID()}@example.com`],
  );
  return row!.id;
}

/** Posts a signed callback; returns the stored delivery's row id. */
async function deliver(overrides: Parameters<typeof callbackBody>[0]): Promise<string> {
  const deliveryId = randomUUID();
  const response = await POST(callbackRequest(callbackBody(overrides), { deliveryId }));
  expect(response.status).toBe(200);
  const [row] = await records.q<{ id: string }>(
    "select id from webhook_deliveries where delivery_id = $1",
    [deliveryId],
  );
  return row!.id;
}

async function snapshot(transactionId: string) {
  const [tx] = await records.q(
    "select state, raw_status, paid_at, flags, updated_at from transactions where id = $1",
    [transactionId],
  );
  const [{ n: deliveries }] = (await records.q<{ n: string }>(
    "select count(*) n from webhook_deliveries",
  )) as [{ n: string }];
  const [{ n: audits }] = (await records.q<{ n: string }>("select count(*) n from audit_log")) as [
    { n: string },
  ];
  const [{ n: events }] = (await records.q<{ n: string }>(
    "select count(*) n from transaction_events",
  )) as [{ n: string }];
  return { tx, deliveries, audits, events };
}

async function refusal(promise: Promise<unknown>): Promise<ReplayRefusal | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof ReplayError) return error.refusal;
    throw error;
  }
}

/** A delivery held for a person: its amount differs from our record. */
async function heldForAmount() {
  const seeded = await records.seedTransaction("active");
  const id = await deliver({ uuid: seeded.uuid, amount: "12000.0000" });
  const [row] = await records.q<{ outcome: string; transaction_id: string }>(
    "select outcome, transaction_id from webhook_deliveries where id = $1",
    [id],
  );
  expect(row).toEqual({ outcome: "needs_review", transaction_id: seeded.id });
  // What the receive path marks on the transaction when it holds a delivery, and why.
  const [flagged] = await records.q("select flags from transactions where id = $1", [seeded.id]);
  expect(flagged).toEqual({ flags: ["amount_mismatch", "needs_review"] });
  return { seeded, id };
}

describe("replaying a stored delivery", () => {
  it("dry run reports the change and writes nothing; apply makes it, audited, as a new row", async () => {
    const actorId = await admin();
    const seeded = await records.seedTransaction("active");
    // Applied when it came; the row is put back to active, so a replay has something to move.
    const id = await deliver({ uuid: seeded.uuid });
    await records.q(
      "update transactions set state = 'active', raw_status = 'ACTIVE', paid_at = null where id = $1",
      [seeded.id],
    );
    const before = await snapshot(seeded.id);

    const preview = await replayDelivery({ id, mode: "local", actorId, commit: false });
    expect(preview).toMatchObject({
      outcome: "applied",
      committed: false,
      replayId: null,
      transaction: { id: seeded.id, created: false },
      state: { from: "active", to: "paid" },
    });
    expect(preview.changes.map((c) => c.field)).toEqual(
      expect.arrayContaining(["rawStatus", "paidAt"]),
    );
    expect(preview.changes.find((c) => c.field === "paidAt")).toMatchObject({
      before: null,
      after: "2026-11-23T05:00:00.123Z",
      time: true,
    });
    expect(await snapshot(seeded.id)).toEqual(before);

    const done = await replayDelivery({ id, mode: "local", actorId, commit: true });
    expect(done).toMatchObject({ outcome: "applied", committed: true, state: { to: "paid" } });
    expect(await records.transaction(seeded.id)).toMatchObject({
      state: "paid",
      raw_status: "PAID",
    });
    const [original] = await records.q<{ delivery_id: string }>(
      "select delivery_id from webhook_deliveries where id = $1",
      [id],
    );
    const [replay] = await records.q(
      "select outcome, replay_of, delivery_id, mode, transaction_id from webhook_deliveries where id = $1",
      [done.replayId],
    );
    expect(replay).toEqual({
      outcome: "applied",
      replay_of: id,
      // The replay keeps the delivery id; replay_of keeps it outside the dedupe index.
      delivery_id: original!.delivery_id,
      mode: "local",
      transaction_id: seeded.id,
    });
    const audit = await records.q(
      "select action, actor_id, mode, target_type, target_id, details from audit_log",
    );
    expect(audit).toEqual([
      {
        action: "callback.replayed",
        actor_id: actorId,
        mode: "local",
        target_type: "webhook_delivery",
        target_id: id,
        details: expect.objectContaining({ replayId: done.replayId, outcome: "applied" }),
      },
    ]);
    const events = await records.q<{ delivery_id: string; to_state: string }>(
      "select delivery_id, to_state from transaction_events where transaction_id = $1",
      [seeded.id],
    );
    expect(events).toContainEqual({ delivery_id: done.replayId, to_state: "paid" });

    // Again: the lifecycle decides, as for a live retry; nothing moves twice.
    const again = await replayDelivery({ id, mode: "local", actorId, commit: true });
    expect(again.outcome).toBe("duplicate");
    expect(again.state).toBeNull();
  });

  it("a delivery of another mode, or an unverified one, is not found", async () => {
    const actorId = await admin();
    const id = await deliver({});
    expect(await refusal(replayDelivery({ id, mode: "production", actorId, commit: false }))).toBe(
      "notFound",
    );
    const [junk] = await records.q<{ id: string }>(
      `insert into webhook_deliveries (headers, raw_body, signature_valid, outcome)
       values ('{}', $1, false, 'rejected') returning id`,
      [callbackBody({})],
    );
    expect(
      await refusal(replayDelivery({ id: junk!.id, mode: "local", actorId, commit: false })),
    ).toBe("notFound");
  });

  it("a new transaction the dry run would record is not recorded", async () => {
    const actorId = await admin();
    const uuid = randomUUID();
    const id = await deliver({ uuid });
    await records.q("update webhook_deliveries set transaction_id = null where id = $1", [id]);
    await records.q("delete from transaction_events");
    await records.q("delete from transactions where purwantara_uuid = $1", [uuid]);
    const preview = await replayDelivery({ id, mode: "local", actorId, commit: false });
    expect(preview).toMatchObject({ outcome: "unmatched", transaction: { created: true } });
    expect(await records.transactionsByUuid(uuid)).toEqual([]);
  });
});

describe("resolving a held delivery", () => {
  it("accept previews, then applies it past the hold, resolves it and lifts the flag", async () => {
    const actorId = await admin();
    const { seeded, id } = await heldForAmount();
    const before = await snapshot(seeded.id);
    const preview = await replayDelivery({
      id,
      mode: "local",
      actorId,
      commit: false,
      accept: { note: "Buyer paid the new price" },
    });
    expect(preview).toMatchObject({ outcome: "applied", state: { from: "active", to: "paid" } });
    expect(await snapshot(seeded.id)).toEqual(before);

    const done = await replayDelivery({
      id,
      mode: "local",
      actorId,
      commit: true,
      accept: { note: "Buyer paid the new price" },
    });
    expect(done).toMatchObject({ outcome: "applied", resolution: "accepted" });
    const [tx] = await records.q("select state, amount, flags from transactions where id = $1", [
      seeded.id,
    ]);
    // Our amount stays; the state moves; the hold is gone (the mismatch stays noted).
    expect(tx).toEqual({ state: "paid", amount: "10000.0000", flags: ["amount_mismatch"] });
    const [held] = await records.q(
      "select resolution, resolution_note, resolved_by, resolved_at is not null resolved from webhook_deliveries where id = $1",
      [id],
    );
    expect(held).toEqual({
      resolution: "accepted",
      resolution_note: "Buyer paid the new price",
      resolved_by: actorId,
      resolved: true,
    });
    const actions = await records.q<{ action: string }>(
      "select action from audit_log where target_id = $1 order by id",
      [id],
    );
    expect(actions.map((a) => a.action)).toEqual(["callback.replayed", "callback.resolved"]);
    expect(
      await refusal(
        replayDelivery({ id, mode: "local", actorId, commit: true, accept: { note: "x" } }),
      ),
    ).toBe("alreadyResolved");
  });

  it("dismiss leaves the transaction, resolves the delivery, audits, and lifts the flag only when nothing else holds it", async () => {
    const actorId = await admin();
    const { seeded, id } = await heldForAmount();
    const second = await deliver({ uuid: seeded.uuid, amount: "13000.0000" });
    await dismissDelivery({ id, mode: "local", actorId, note: "Duplicate test payment" });
    expect(await records.transaction(seeded.id)).toMatchObject({ state: "active" });
    const flags = async () =>
      (
        await records.q<{ flags: string[] }>("select flags from transactions where id = $1", [
          seeded.id,
        ])
      )[0]?.flags;
    // The second held delivery still holds it.
    expect(await flags()).toEqual(["amount_mismatch", "needs_review"]);
    await dismissDelivery({ id: second, mode: "local", actorId, note: "Also a test" });
    expect(await flags()).toEqual(["amount_mismatch"]);
    const rows = await records.q(
      "select resolution, resolution_note from webhook_deliveries where id = any($1) order by received_at",
      [[id, second]],
    );
    expect(rows).toEqual([
      { resolution: "dismissed", resolution_note: "Duplicate test payment" },
      { resolution: "dismissed", resolution_note: "Also a test" },
    ]);
    const audit = await records.q<{ action: string; details: { resolution: string } }>(
      "select action, details from audit_log where target_id = any($1)",
      [[id, second]],
    );
    expect(audit.map((a) => [a.action, a.details.resolution])).toEqual([
      ["callback.resolved", "dismissed"],
      ["callback.resolved", "dismissed"],
    ]);
    expect(await refusal(dismissDelivery({ id, mode: "local", actorId, note: "again" }))).toBe(
      "alreadyResolved",
    );
  });

  it("only a held delivery can be accepted or dismissed", async () => {
    const actorId = await admin();
    const seeded = await records.seedTransaction("active");
    const id = await deliver({ uuid: seeded.uuid });
    expect(await refusal(dismissDelivery({ id, mode: "local", actorId, note: "n" }))).toBe(
      "notHeld",
    );
    expect(
      await refusal(
        replayDelivery({ id, mode: "local", actorId, commit: false, accept: { note: "n" } }),
      ),
    ).toBe("notHeld");
  });

  it("accepting an amount that failed the checks uses our record's amount", async () => {
    const actorId = await admin();
    const seeded = await records.seedTransaction("active");
    const id = await deliver({ uuid: seeded.uuid, amount: "0" });
    const [held] = await records.q("select outcome from webhook_deliveries where id = $1", [id]);
    expect(held).toEqual({ outcome: "needs_review" });
    const done = await replayDelivery({
      id,
      mode: "local",
      actorId,
      commit: true,
      accept: { note: "Gateway sent a zero; the buyer paid in full" },
    });
    expect(done).toMatchObject({
      outcome: "applied",
      resolution: "accepted",
      state: { from: "active", to: "paid" },
    });
    expect(done.reason).toContain("our record's amount 10000.0000 is used");
    expect(await records.transaction(seeded.id)).toMatchObject({
      state: "paid",
      amount: "10000.0000",
    });
  });

  it("an amount that failed the checks stays held when no transaction of the mode exists", async () => {
    const actorId = await admin();
    const uuid = randomUUID();
    const id = await deliver({ uuid, amount: "0" });
    const preview = await replayDelivery({
      id,
      mode: "local",
      actorId,
      commit: false,
      accept: { note: "n" },
    });
    expect(preview.outcome).toBe("needs_review");
    expect(preview.reason).toContain("no transaction of this mode to accept it for");
    expect(
      await refusal(
        replayDelivery({ id, mode: "local", actorId, commit: true, accept: { note: "n" } }),
      ),
    ).toBe("stillHeld");
    expect(await records.transactionsByUuid(uuid)).toEqual([]);
  });

  it("an accepted delivery with an unknown status still stays held and nothing is written", async () => {
    const actorId = await admin();
    const seeded = await records.seedTransaction("active");
    const id = await deliver({ uuid: seeded.uuid, status: "REFUNDED_MAYBE" });
    const before = await snapshot(seeded.id);
    const preview = await replayDelivery({
      id,
      mode: "local",
      actorId,
      commit: false,
      accept: { note: "n" },
    });
    expect(preview.outcome).toBe("needs_review");
    expect(
      await refusal(
        replayDelivery({ id, mode: "local", actorId, commit: true, accept: { note: "n" } }),
      ),
    ).toBe("stillHeld");
    expect(await snapshot(seeded.id)).toEqual(before);
  });
});
