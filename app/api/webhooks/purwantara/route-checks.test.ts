import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callbackBody, callbackRequest } from "@/testing/callbacks";
import { withTestDatabase } from "@/testing/database";
import { webhookRecords } from "@/testing/webhook-records";
import { POST } from "./route";

const db = withTestDatabase();
const records = webhookRecords(db.url);

async function send(overrides: Parameters<typeof callbackBody>[0]) {
  const deliveryId = randomUUID();
  const response = await POST(callbackRequest(callbackBody(overrides), { deliveryId }));
  return { json: (await response.json()) as unknown, rows: await records.deliveries(deliveryId) };
}

describe("POST /api/webhooks/purwantara holds suspicious values for a person", () => {
  it("holds an amount that differs from ours; the same amount written differently applies", async () => {
    const t = await records.seedTransaction();
    const odd = await send({ uuid: t.uuid, amount: "12000.0000" });
    expect(odd.json).toEqual({ ok: true, outcome: "needs_review" });
    expect(odd.rows[0]?.reason).toBe("amount 12000.0000 differs from our record 10000.0000");
    expect(await records.transaction(t.id)).toMatchObject({ state: "active" });

    const same = await send({ uuid: t.uuid, amount: "10000" });
    expect(same.json).toEqual({ ok: true, outcome: "applied" });
    expect(await records.transaction(t.id)).toMatchObject({ state: "paid" });
  });

  it("never stores a buyer address that is not https (http only locally); the payment still counts", async () => {
    for (const url of ["javascript:alert(1)", "ftp://pay.example/x", "not a url"]) {
      const uuid = randomUUID();
      const { json, rows } = await send({ uuid, payment_link_url: url });
      expect(json).toEqual({ ok: true, outcome: "unmatched" });
      expect(rows[0]?.reason).toContain(`payment_link_url ${JSON.stringify(url)} refused`);
      const [row] = await records.q(
        "select state, payment_link_url from transactions where purwantara_uuid = $1",
        [uuid],
      );
      expect(row).toEqual({ state: "paid", payment_link_url: null });
    }
    const uuid = randomUUID();
    await send({ uuid, payment_link_url: "http://127.0.0.1:4010/share/x" });
    const [row] = await records.q(
      "select payment_link_url from transactions where purwantara_uuid = $1",
      [uuid],
    );
    expect(row).toEqual({ payment_link_url: "http://127.0.0.1:4010/share/x" });
  });
});
