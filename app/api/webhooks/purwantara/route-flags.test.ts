import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { JsonValue } from "@purwantara/contract/php-json";
import { callbackBody, callbackRequest } from "@/testing/callbacks";
import { withTestDatabase } from "@/testing/database";
import { webhookRecords } from "@/testing/webhook-records";
import { POST } from "./route";

const db = withTestDatabase();
const records = webhookRecords(db.url);

async function send(fields: Record<string, JsonValue>, deliveryId = randomUUID()) {
  const response = await POST(callbackRequest(callbackBody(fields), { deliveryId }));
  const json = (await response.json()) as { outcome?: string };
  return { outcome: json.outcome, rows: await records.deliveries(deliveryId) };
}

async function rowOf(id: string) {
  const [row] = await records.q<{
    state: string;
    flags: string[];
    payment_link_url: string | null;
  }>("select state, flags, payment_link_url from transactions where id = $1", [id]);
  return row;
}

describe("POST /api/webhooks/purwantara flags the transaction for finance", () => {
  it("a different amount: held, amount_mismatch and needs_review, state unmoved", async () => {
    const t = await records.seedTransaction();
    expect((await send({ uuid: t.uuid, amount: "9000" })).outcome).toBe("needs_review");
    expect(await rowOf(t.id)).toMatchObject({
      state: "active",
      flags: ["amount_mismatch", "needs_review"],
    });
  });

  it("a missing, zero or negative amount: the same", async () => {
    for (const amount of [null, "0", "-10000"]) {
      const t = await records.seedTransaction();
      const { outcome, rows } = await send({ uuid: t.uuid, amount });
      expect(outcome).toBe("needs_review");
      expect(rows[0]?.raw_body.toString()).toContain(`"amount":${JSON.stringify(amount)}`);
      expect(await rowOf(t.id)).toMatchObject({
        state: "active",
        flags: ["amount_mismatch", "needs_review"],
      });
    }
  });

  it("an unknown status: unknown_status, never a state change", async () => {
    const t = await records.seedTransaction("paid");
    expect((await send({ uuid: t.uuid, status: "REFUNDED" })).outcome).toBe("needs_review");
    expect(await rowOf(t.id)).toMatchObject({
      state: "paid",
      flags: ["needs_review", "unknown_status"],
    });
  });

  it("an unknown event.type: applied, unknown_channel", async () => {
    const t = await records.seedTransaction();
    const { outcome, rows } = await send({ uuid: t.uuid, event: { type: "crypto" } });
    expect(outcome).toBe("applied");
    expect(rows[0]?.reason).toBe('active → paid; unknown event.type "crypto"');
    expect(await rowOf(t.id)).toMatchObject({ state: "paid", flags: ["unknown_channel"] });
  });

  it("PAID after EXPIRED or CANCELLED: the money is accepted, paid_after_expiry", async () => {
    for (const state of ["expired", "cancelled"]) {
      const t = await records.seedTransaction(state);
      expect((await send({ uuid: t.uuid })).outcome).toBe("applied");
      expect(await rowOf(t.id)).toMatchObject({ state: "paid", flags: ["paid_after_expiry"] });
    }
  });

  it("a buyer address that is not https: dropped, unsafe_url, the payment still counts", async () => {
    const t = await records.seedTransaction();
    await records.q(
      "update transactions set payment_link_url = 'https://pay.example/a' where id = $1",
      [t.id],
    );
    const { outcome } = await send({ uuid: t.uuid, payment_link_url: "javascript:alert(1)" });
    expect(outcome).toBe("applied");
    expect(await rowOf(t.id)).toMatchObject({
      state: "paid",
      flags: ["unsafe_url"],
      payment_link_url: "https://pay.example/a",
    });
  });

  it("the same delivery id with another body: conflict, conflicting_delivery and needs_review", async () => {
    const t = await records.seedTransaction();
    const deliveryId = randomUUID();
    await send({ uuid: t.uuid }, deliveryId);
    expect((await send({ uuid: t.uuid, title: "changed" }, deliveryId)).outcome).toBe("conflict");
    expect(await rowOf(t.id)).toMatchObject({
      state: "paid",
      flags: ["conflicting_delivery", "needs_review"],
    });
  });

  it("a payment first seen in a callback: outside_dashboard (and what else it carried)", async () => {
    const uuid = randomUUID();
    expect((await send({ uuid, paid_at: null, event: { type: "crypto" } })).outcome).toBe(
      "unmatched",
    );
    const [row] = await records.q<{ flags: string[]; paid_at: Date | null }>(
      "select flags, paid_at from transactions where purwantara_uuid = $1",
      [uuid],
    );
    expect(row?.flags).toEqual(["outside_dashboard", "paid_without_time", "unknown_channel"]);
    expect(row?.paid_at).not.toBeNull();
  });

  it("flags accumulate, each once, and a duplicate adds none", async () => {
    const t = await records.seedTransaction("expired");
    const deliveryId = randomUUID();
    await send({ uuid: t.uuid, event: { type: "crypto" } }, deliveryId);
    await send({ uuid: t.uuid, event: { type: "crypto" } }, deliveryId);
    await send({ uuid: t.uuid, status: "SETTLED", event: { type: "crypto" } });
    expect(await rowOf(t.id)).toMatchObject({
      state: "settled",
      flags: ["paid_after_expiry", "unknown_channel"],
    });
  });
});
