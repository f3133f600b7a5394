import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callbackBody, callbackRequest } from "@/testing/callbacks";
import { withTestDatabase } from "@/testing/database";
import { webhookRecords } from "@/testing/webhook-records";
import { POST } from "./route";

const db = withTestDatabase();
const records = webhookRecords(db.url);

/** A live (production) payment link, as the dashboard would hold it. */
async function seedLive() {
  const uuid = randomUUID();
  const externalId = `PWD-LIVE-${randomUUID().slice(0, 8)}`;
  const [row] = await records.q<{ id: string }>(
    `insert into transactions (mode, channel, external_id, purwantara_uuid, title, amount, raw_status, state, payment_link_url)
     values ('production', 'payment-link', $1, $2, 'Live', 10000, 'ACTIVE', 'active', 'https://pay.example/live')
     returning id`,
    [externalId, uuid],
  );
  return { id: row!.id, uuid, externalId };
}

// The route runs in local mode here: a delivery signed with the local (public) secret.
describe("POST /api/webhooks/purwantara keeps test and live apart", () => {
  it("a test-mode delivery naming a live payment's uuid cannot touch it", async () => {
    const live = await seedLive();
    const deliveryId = randomUUID();
    const body = callbackBody({ uuid: live.uuid, payment_link_url: "javascript:alert(1)" });
    const response = await POST(callbackRequest(body, { deliveryId }));
    expect(response.status).toBe(200);
    const [row] = await records.q(
      "select state, raw_status, payment_link_url from transactions where id = $1",
      [live.id],
    );
    expect(row).toEqual({
      state: "active",
      raw_status: "ACTIVE",
      payment_link_url: "https://pay.example/live",
    });
    const rows = await records.deliveries(deliveryId);
    // Identity is per mode: it is a test payment of its own, never applied to the live one.
    expect(rows).toMatchObject([{ outcome: "unmatched" }]);
    expect(rows[0]?.transaction_id).not.toBe(live.id);
    expect(await records.transaction(rows[0]!.transaction_id!)).toMatchObject({ mode: "local" });
  });

  it("nor one naming its external_id", async () => {
    const live = await seedLive();
    const deliveryId = randomUUID();
    const body = callbackBody({ uuid: randomUUID(), external_id: live.externalId });
    expect((await POST(callbackRequest(body, { deliveryId }))).status).toBe(200);
    expect(await records.transaction(live.id)).toMatchObject({ state: "active" });
    const [delivery] = await records.deliveries(deliveryId);
    expect(delivery?.transaction_id).not.toBe(live.id);
    expect(await records.transaction(delivery!.transaction_id!)).toMatchObject({
      mode: "local",
      bill_id: null,
    });
  });
});
