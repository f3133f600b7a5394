import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callbackBody, callbackRequest } from "@/testing/callbacks";
import { withTestDatabase } from "@/testing/database";
import { webhookRecords } from "@/testing/webhook-records";
import { POST } from "./route";

const db = withTestDatabase();
const records = webhookRecords(db.url);

/** Posts a signed body and reads back the answer and the stored deliveries of its id. */
async function send(body: Buffer, deliveryId: string = randomUUID()) {
  const response = await POST(callbackRequest(body, { deliveryId }));
  return {
    status: response.status,
    json: (await response.json()) as unknown,
    rows: await records.deliveries(deliveryId),
  };
}

/** A signed body with one piece of its JSON text replaced: numbers and depths PHP can write. */
function edited(body: Buffer, from: string, to: string): Buffer {
  const text = body.toString("utf8");
  expect(text).toContain(from);
  return Buffer.from(text.replace(from, to), "utf8");
}

const meta = '"meta":{"customer_phone":null}';

describe("POST /api/webhooks/purwantara with bodies PostgreSQL cannot hold as they are", () => {
  it("applies a body with a \\u0000 escape, stores its bytes and a cleaned copy", async () => {
    const uuid = randomUUID();
    const body = callbackBody({
      uuid,
      title: "Kopi\u0000Susu",
      event: { meta: { note: "a\u0000b" }, type: "payment-link", channel: "QRIS" },
    });
    expect(body.toString()).toContain("Kopi\\u0000Susu");
    const { status, json, rows } = await send(body);
    expect([status, json]).toEqual([200, { ok: true, outcome: "unmatched" }]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.outcome).toBe("unmatched");
    expect(rows[0]?.reason).toContain("title: NUL or lone surrogate replaced");
    expect(rows[0]?.raw_body.equals(body)).toBe(true);
    expect(await records.transactionsByUuid(uuid)).toMatchObject([
      { state: "paid", title: "Kopi\ufffdSusu", amount: "10000.0000" },
    ]);
  });

  it("holds a \\u0000 in a field the app reads for review, the transaction unmoved", async () => {
    const t = await records.seedTransaction();
    const body = callbackBody({ uuid: t.uuid, external_id: `${t.externalId}\u0000` });
    const { status, json, rows } = await send(body);
    expect([status, json]).toEqual([200, { ok: true, outcome: "needs_review" }]);
    expect(rows).toMatchObject([{ outcome: "needs_review", transaction_id: t.id }]);
    expect(rows[0]?.reason).toMatch(/^unstorable value in a field the app reads: .*external_id/);
    expect(rows[0]?.raw_body.equals(body)).toBe(true);
    expect(await records.transaction(t.id)).toMatchObject({
      state: "active",
      raw_status: "ACTIVE",
    });
  });

  it("applies a body with lone surrogates, stores its bytes and a cleaned copy", async () => {
    const uuid = randomUUID();
    const body = callbackBody({ uuid, title: "Es \ud800 teh", description: "\udc00" });
    expect(body.toString()).toContain("Es \\ud800 teh");
    const { status, json, rows } = await send(body);
    expect([status, json]).toEqual([200, { ok: true, outcome: "unmatched" }]);
    expect(rows[0]?.reason).toContain("title: NUL or lone surrogate replaced");
    expect(rows[0]?.raw_body.equals(body)).toBe(true);
    expect(await records.transactionsByUuid(uuid)).toMatchObject([
      { state: "paid", title: "Es \ufffd teh" },
    ]);
  });

  it("applies a body nested 100,000 levels deep, keeping its bytes and a cut copy", async () => {
    const uuid = randomUUID();
    const depth = 100_000;
    const body = edited(
      callbackBody({ uuid }),
      meta,
      `"meta":${"[".repeat(depth)}${"]".repeat(depth)}`,
    );
    const { status, json, rows } = await send(body);
    expect([status, json]).toEqual([200, { ok: true, outcome: "unmatched" }]);
    expect(rows[0]?.reason).toContain("nested deeper than 32 levels, cut");
    expect(rows[0]?.raw_body.equals(body)).toBe(true);
    expect(await records.transactionsByUuid(uuid)).toMatchObject([{ state: "paid" }]);
  });
});

describe("POST /api/webhooks/purwantara with odd values", () => {
  const amount = '"amount":"10000.0000"';
  it.each([
    ["a missing amount", (b: Buffer) => edited(b, `${amount},`, ""), "amount is missing"],
    [
      "a zero amount",
      (b: Buffer) => edited(b, amount, '"amount":"0.0000"'),
      'amount "0.0000" is zero',
    ],
    [
      "a negative amount",
      (b: Buffer) => edited(b, amount, '"amount":"-10000.0000"'),
      'amount "-10000.0000" is negative',
    ],
    [
      "a huge JSON number",
      (b: Buffer) => edited(b, amount, '"amount":99999999999999999999999'),
      "amount 1e+23 does not fit numeric(20,4)",
    ],
    [
      'the string "1e30"',
      (b: Buffer) => edited(b, amount, '"amount":"1e30"'),
      'amount "1e30" does not fit numeric(20,4)',
    ],
    [
      "a 5-decimal fraction",
      (b: Buffer) => edited(b, amount, '"amount":"10000.12345"'),
      'amount "10000.12345" has more than 4 decimal places',
    ],
    [
      "a field of the wrong type",
      (b: Buffer) => edited(b, '"title":"Kopi Susu \\u2615 order"', '"title":42'),
      "fields not as expected (title: Invalid input: expected string, received number)",
    ],
  ])(
    "holds %s for review, keeps the raw value and leaves the transaction",
    async (_, edit, reason) => {
      const t = await records.seedTransaction();
      const body = edit(callbackBody({ uuid: t.uuid, status: "PAID" }));
      const { status, json, rows } = await send(body);
      expect([status, json]).toEqual([200, { ok: true, outcome: "needs_review" }]);
      expect(rows).toMatchObject([
        {
          outcome: "needs_review",
          reason,
          raw_status: "PAID",
          transaction_id: t.id,
          signature_valid: true,
        },
      ]);
      expect(rows[0]?.raw_body.equals(body)).toBe(true);
      expect(await records.transaction(t.id)).toMatchObject({
        state: "active",
        raw_status: "ACTIVE",
        amount: "10000.0000",
      });
      const events = await records.q("select 1 from transaction_events where transaction_id = $1", [
        t.id,
      ]);
      expect(events).toEqual([]);
    },
  );

  it.each([
    [
      "without paid_at",
      '"paid_at":null',
      "active → paid; PAID without paid_at; the time received is used",
    ],
    [
      "with an unreadable paid_at",
      '"paid_at":"kemarin"',
      'active → paid; PAID with unreadable paid_at "kemarin"; the time received is used',
    ],
  ])(
    "accepts a PAID %s at the time received, flagged, the raw value kept",
    async (_, to, reason) => {
      const t = await records.seedTransaction();
      const body = edited(
        callbackBody({ uuid: t.uuid, status: "PAID" }),
        '"paid_at":"2026-11-23T05:00:00.123456Z"',
        to,
      );
      const before = Date.now();
      const { json, rows } = await send(body);
      expect(json).toEqual({ ok: true, outcome: "applied" });
      expect(rows).toMatchObject([{ outcome: "applied", reason, raw_status: "PAID" }]);
      expect(rows[0]?.raw_body.equals(body)).toBe(true);
      const [row] = await records.q<{ state: string; paid_at: Date; flags: string[] }>(
        "select state, paid_at, flags from transactions where id = $1",
        [t.id],
      );
      expect(row).toMatchObject({ state: "paid", flags: ["paid_without_time"] });
      expect(row!.paid_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    },
  );

  it("applies a good amount sent as a JSON number", async () => {
    const t = await records.seedTransaction();
    const body = edited(callbackBody({ uuid: t.uuid }), amount, '"amount":10000');
    const { json, rows } = await send(body);
    expect(json).toEqual({ ok: true, outcome: "applied" });
    expect(rows).toMatchObject([{ outcome: "applied", reason: "active → paid" }]);
    expect(await records.transaction(t.id)).toMatchObject({ state: "paid" });
  });

  it("creates no transaction for an unknown status of an unknown payment", async () => {
    const uuid = randomUUID();
    const body = callbackBody({ uuid, status: "REFUND_PENDING" });
    const { status, json, rows } = await send(body);
    expect([status, json]).toEqual([200, { ok: true, outcome: "needs_review" }]);
    expect(rows).toMatchObject([
      { outcome: "needs_review", reason: 'unknown status "REFUND_PENDING"', transaction_id: null },
    ]);
    expect(rows[0]?.raw_body.equals(body)).toBe(true);
    expect(await records.transactionsByUuid(uuid)).toEqual([]);
  });
});

describe("POST /api/webhooks/purwantara with a repeated delivery id", () => {
  it("records the same id with a different body as a conflict, keeping both bodies", async () => {
    const t = await records.seedTransaction();
    const deliveryId = randomUUID();
    const paid = callbackBody({ uuid: t.uuid, status: "PAID" });
    const expired = callbackBody({ uuid: t.uuid, status: "EXPIRED", paid_at: null });
    expect((await send(paid, deliveryId)).json).toEqual({ ok: true, outcome: "applied" });
    const { status, json, rows } = await send(expired, deliveryId);
    expect([status, json]).toEqual([200, { ok: true, outcome: "conflict" }]);
    expect(rows.map((r) => [r.outcome, r.raw_status, r.transaction_id])).toEqual([
      ["applied", "PAID", t.id],
      ["conflict", "EXPIRED", t.id],
    ]);
    expect(rows[0]?.raw_body.equals(paid)).toBe(true);
    expect(rows[1]?.raw_body.equals(expired)).toBe(true);
    expect(rows[1]?.reason).toMatch(
      new RegExp(
        `^delivery ${deliveryId} was already processed \\(row [0-9a-f-]{36}\\) with a different body; not applied$`,
      ),
    );
    expect(await records.transaction(t.id)).toMatchObject({ state: "paid", raw_status: "PAID" });
  });

  it("answers the same id with the same body as a duplicate", async () => {
    const t = await records.seedTransaction();
    const deliveryId = randomUUID();
    const body = callbackBody({ uuid: t.uuid, status: "PAID" });
    await send(body, deliveryId);
    const { status, json, rows } = await send(body, deliveryId);
    expect([status, json]).toEqual([200, { ok: true, outcome: "duplicate" }]);
    expect(rows.map((r) => r.outcome)).toEqual(["applied", "duplicate"]);
    expect(rows.every((r) => r.raw_body.equals(body))).toBe(true);
    expect(await records.transaction(t.id)).toMatchObject({ state: "paid" });
  });

  it("answers a retry of a held delivery as a duplicate, not a second review", async () => {
    const t = await records.seedTransaction();
    const deliveryId = randomUUID();
    const body = callbackBody({ uuid: t.uuid, status: "REFUND_PENDING" });
    await send(body, deliveryId);
    const { json, rows } = await send(body, deliveryId);
    expect(json).toEqual({ ok: true, outcome: "duplicate" });
    expect(rows.map((r) => r.outcome)).toEqual(["needs_review", "duplicate"]);
  });
});
