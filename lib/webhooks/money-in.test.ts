import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CallbackSecret } from "@/lib/gateway/config";
import { localCallbackSecret } from "@purwantara/contract";
import { callbackBody, callbackRequest, ingestWithSecrets } from "@/testing/callbacks";
import { withTestDatabase } from "@/testing/database";
import { webhookRecords } from "@/testing/webhook-records";
import { flushQuarantine, reverifyQuarantine } from "./quarantine";

const db = withTestDatabase();
const records = webhookRecords(db.url);

const secrets: CallbackSecret[] = [
  { mode: "sandbox", slot: "current", secret: "sandbox-secret" },
  { mode: "production", slot: "current", secret: "live-secret" },
];

async function send(body: Buffer, secret: string, list = secrets) {
  const deliveryId = randomUUID();
  const result = await ingestWithSecrets(callbackRequest(body, { deliveryId, secret }), list);
  return { ...result, deliveryId };
}

async function seedVa(
  mode: string,
  over: { uuid?: string | null; externalId?: string; state?: string } = {},
) {
  const uuid = over.uuid === undefined ? randomUUID() : over.uuid;
  const externalId = over.externalId ?? `PWD-${randomUUID().slice(0, 8)}`;
  const [row] = await records.q<{ id: string }>(
    `insert into transactions (mode, channel, bank, external_id, purwantara_uuid, title, amount, raw_status, state)
     values ($1, 'virtual-account', 'BCA', $2, $3, 'Invoice 7', 150000, 'ACTIVE', $4) returning id`,
    [mode, externalId, uuid, over.state ?? "active"],
  );
  return { id: row!.id, uuid: uuid!, externalId };
}

const byUuid = (uuid: string, mode: string) =>
  records.q<{
    id: string;
    state: string;
    flags: string[];
    bill_id: string | null;
    channel: string;
    payment_channel: string | null;
  }>(
    `select id, state, flags, bill_id, channel, payment_channel from transactions
      where purwantara_uuid = $1 and mode = $2`,
    [uuid, mode],
  );
const flagsOf = async (id: string) =>
  (await records.q<{ flags: string[] }>("select flags from transactions where id = $1", [id]))[0]!
    .flags;

const vaPaid = (
  uuid: string,
  externalId: string,
  bank = "BCA",
  over: Record<string, string | null> = {},
) =>
  callbackBody({
    uuid,
    external_id: externalId,
    amount: "150000.0000",
    event: { meta: {}, type: "virtual-account", channel: bank },
    payment_link_url: null,
    ...over,
  });

describe("identity is per mode: test data never blocks live money", () => {
  it("a live PAID whose uuid and external_id sit on a sandbox row is recorded in live; the sandbox row is untouched", async () => {
    const sandbox = await seedVa("sandbox");
    const live = await send(vaPaid(sandbox.uuid, sandbox.externalId), "live-secret");
    expect(live.body.outcome).toBe("unmatched");
    expect(await byUuid(sandbox.uuid, "production")).toMatchObject([
      { state: "paid", bill_id: null },
    ]);
    expect(await byUuid(sandbox.uuid, "sandbox")).toMatchObject([
      { id: sandbox.id, state: "active" },
    ]);
  });
});

describe("several payments for one bill", () => {
  it("one bill paid at two banks: each its own row, linked to the first, both flagged paid twice", async () => {
    const bill = await seedVa("production");
    expect((await send(vaPaid(bill.uuid, bill.externalId), "live-secret")).body.outcome).toBe(
      "applied",
    );
    const bni = randomUUID();
    const second = await send(vaPaid(bni, bill.externalId, "BNI"), "live-secret");
    expect(second.body.outcome).toBe("unmatched");
    const [row] = await byUuid(bni, "production");
    expect(row).toMatchObject({ state: "paid", bill_id: bill.id, channel: "virtual-account" });
    expect(row!.flags).toEqual(["paid_twice"]);
    expect(await flagsOf(bill.id)).toEqual(["paid_twice"]);
  });

  it("a VA and then a QRIS for one bill: the QRIS is recorded as a QRIS payment of the bill, flagged", async () => {
    const bill = await seedVa("production", { state: "paid" });
    const qr = randomUUID();
    const body = callbackBody({
      uuid: qr,
      external_id: bill.externalId,
      amount: "150000.0000",
      event: { meta: {}, type: "qris", channel: "qris_doku" },
      payment_link_url: null,
    });
    await send(body, "live-secret");
    const [row] = await byUuid(qr, "production");
    expect(row).toMatchObject({ bill_id: bill.id, state: "paid" });
    expect(row!.flags).toContain("paid_twice");
    expect(await flagsOf(bill.id)).toEqual(["paid_twice"]);
  });

  it("our row whose create answer is not stored yet takes the callback (no second row)", async () => {
    const ours = await seedVa("production", { uuid: null });
    const uuid = randomUUID();
    expect((await send(vaPaid(uuid, ours.externalId), "live-secret")).body.outcome).toBe("applied");
    expect(await byUuid(uuid, "production")).toMatchObject([{ id: ours.id, state: "paid" }]);
  });
});

describe("channels as they are", () => {
  it("a LinkAja payment is recorded as another e-wallet named LinkAja, never as ShopeePay", async () => {
    const uuid = randomUUID();
    await send(
      callbackBody({
        uuid,
        external_id: null,
        event: { meta: {}, type: "ewallet", channel: "LinkAja" },
      }),
      "live-secret",
    );
    expect(await byUuid(uuid, "production")).toMatchObject([
      { channel: "ewallet-other", payment_channel: "LinkAja" },
    ]);
  });

  it("a DANA payment made outside the dashboard is filed under DANA", async () => {
    const uuid = randomUUID();
    await send(
      callbackBody({
        uuid,
        external_id: null,
        event: { meta: {}, type: "ewallet", channel: "DANA" },
      }),
      "live-secret",
    );
    expect(await byUuid(uuid, "production")).toMatchObject([
      { channel: "ewallet-dana", payment_channel: "DANA" },
    ]);
  });
});

describe("time does not depend on the server", () => {
  it("a zone-less paid time is read as WIB on a server in another zone, and flagged", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      const t = await seedVa("production");
      await send(
        vaPaid(t.uuid, t.externalId, "BCA", { paid_at: "2026-11-24 09:10:00" }),
        "live-secret",
      );
      const [row] = await records.q<{ paid_at: string; flags: string[] }>(
        "select to_char(paid_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as paid_at, flags from transactions where id = $1",
        [t.id],
      );
      expect(row).toEqual({ paid_at: "2026-11-24 02:10", flags: ["time_zone_inferred"] });
    } finally {
      process.env.TZ = zone;
    }
  });
});

describe("quarantine instead of loss", () => {
  it("a genuine delivery refused for a wrong secret is kept whole and applied after the secret is fixed", async () => {
    const t = await seedVa("production");
    const body = vaPaid(t.uuid, t.externalId);
    // Purwantara signs with the new secret; the dashboard still has the old one.
    const refused = await send(body, "the-new-live-secret");
    expect(refused.status).toBe(401);
    await flushQuarantine();
    const [kept] = await records.q<{ raw_body: Buffer }>(
      "select raw_body from callback_quarantine where delivery_id = $1",
      [refused.deliveryId],
    );
    expect(kept?.raw_body.equals(body)).toBe(true);
    expect(await records.transaction(t.id)).toMatchObject({ state: "active" });

    const [admin] = await records.q<{ id: string }>(
      "insert into users (email, name, password_hash, role) values ($1, 'Admin', 'x', 'admin') returning id",
      [`admin-${randomUUID()}@example.com`],
    );
    const fixed: CallbackSecret[] = [
      { mode: "production", slot: "current", secret: "the-new-live-secret" },
    ];
    expect(await reverifyQuarantine({ id: admin!.id, ip: null }, fixed)).toMatchObject({
      released: 1,
    });
    await expect
      .poll(() => records.transaction(t.id), { timeout: 10_000 })
      .toMatchObject({ state: "paid" });
    // Released once: a second re-verification finds nothing left to release.
    expect(await reverifyQuarantine({ id: admin!.id, ip: null }, fixed)).toMatchObject({
      released: 0,
    });
  });

  it("unsigned junk is only counted, never kept", async () => {
    const result = await ingestWithSecrets(
      callbackRequest(callbackBody({}), { signature: "not-hex" }),
      [{ mode: "local", slot: "current", secret: localCallbackSecret }],
    );
    expect(result.status).toBe(401);
    await flushQuarantine();
    expect(
      await records.q("select 1 from callback_quarantine where headers->>'signature' = 'not-hex'"),
    ).toEqual([]);
  });
});
