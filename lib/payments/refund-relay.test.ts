import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { insertTestUser } from "@/testing/accounts";
import { addRelayEndpoint } from "@/lib/relay/endpoints";
import type { RelayEventType } from "@/lib/core/relay-events";
import type { RefundRequestInput } from "./refund-schema";
import { decideRefund, requestRefund } from "./refunds";

const db = withTestDatabase();
const q = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  queryTestDb<T>(db.url(), sql, params);

const person = async (role: "admin" | "finance" | "operator") => ({
  id: await insertTestUser(db.url(), {
    email: `${role}-${randomUUID()}@x.id`,
    password: "x",
    role,
  }),
});

async function endpoint(mode: "sandbox" | "production", events: RelayEventType[]) {
  const admin = await person("admin");
  const { endpoint } = await addRelayEndpoint(
    { userId: admin.id, mode, ip: null },
    { url: `http://127.0.0.1:9/hook-${randomUUID().slice(0, 8)}`, description: "ERP", events },
  );
  return endpoint.id;
}

async function paidPayment(mode: "sandbox" | "production") {
  const [row] = await q<{ id: string }>(
    `insert into transactions (mode, channel, amount, state, paid_at, title)
     values ($1, 'virtual-account', 200000, 'paid', now(), 'Refund relay') returning id`,
    [mode],
  );
  return row!.id;
}

const ask = (amount: bigint): RefundRequestInput => ({
  amount,
  reason: "goods_returned",
  note: null,
  method: "bank_transfer",
  bank: "BCA",
  account: "1234567890",
  refundedOn: new Date().toISOString().slice(0, 10),
});

const deliveriesOf = (endpointId: string) =>
  q<{
    event_type: string;
    event_key: string;
    payload: { type: string; data: Record<string, unknown> };
  }>(
    "select event_type, event_key, payload from relay_deliveries where endpoint_id = $1 order by seq",
    [endpointId],
  );

describe("refund steps reach the relay", () => {
  it("writes refund.requested, then refund.approved or refund.rejected, once each, in the step's mode, without the buyer's account", async () => {
    const live = await endpoint("production", [
      "refund.requested",
      "refund.approved",
      "refund.rejected",
    ]);
    const test = await endpoint("sandbox", [
      "refund.requested",
      "refund.approved",
      "refund.rejected",
    ]);
    const paymentOnly = await endpoint("production", ["payment.paid"]);
    const paid = await paidPayment("production");
    const clerk = await person("operator");
    const checker = await person("finance");

    const first = await requestRefund(clerk, "production", paid, ask(50_000n));
    const second = await requestRefund(clerk, "production", paid, ask(20_000n));
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(await decideRefund(checker, "production", first.id, "approved", null)).toMatchObject({
      ok: true,
    });
    expect(await decideRefund(checker, "production", second.id, "rejected", "wrong")).toMatchObject(
      { ok: true },
    );
    // A second decision changes nothing and sends nothing.
    expect(await decideRefund(checker, "production", first.id, "approved", null)).toMatchObject({
      ok: false,
    });

    const rows = await deliveriesOf(live);
    expect(rows.map((r) => r.event_key)).toEqual([
      `refund.requested:${first.id}`,
      `refund.requested:${second.id}`,
      `refund.approved:${first.id}`,
      `refund.rejected:${second.id}`,
    ]);
    expect(rows[2]!.payload.data).toMatchObject({
      id: paid,
      mode: "production",
      refund: {
        id: first.id,
        amount: "50000.0000",
        reason: "goods_returned",
        method: "bank_transfer",
        state: "approved",
      },
    });
    const text = JSON.stringify(rows.map((r) => r.payload));
    expect(text).not.toContain("1234567890");
    expect(text).not.toContain(clerk.id);
    expect(await deliveriesOf(test)).toEqual([]);
    expect(await deliveriesOf(paymentOnly)).toEqual([]);
  });
});
