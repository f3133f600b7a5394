import { randomInt, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { virtualAccount, type VirtualAccountForm } from "@/channels/virtual-account/server";
import { withGatewayTestbed } from "@/testing/gateway-testbed";
import { queryTestDb } from "@/testing/database";
import { callbackBody, callbackRequest, ingestWithSecrets } from "@/testing/callbacks";
import { localCallbackSecret } from "@purwantara/contract";
import { applyInboxRow } from "@/lib/webhooks/inbox";
import { checkPaymentStatus } from "./check-status";
import { createPayment } from "./create-payment";

const { db, emulator, control, rowOf, eventsOf, user } = withGatewayTestbed({
  email: "apply-sync@example.com",
});

const sql = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
  queryTestDb<T>(db.url(), text, params);

const form = (amount = 120_000n): VirtualAccountForm => ({
  idempotencyKey: randomUUID(),
  bank: "BNI",
  name: "Sari",
  amount,
  description: "Kopi gayo",
  expiresAt: new Date(Date.now() + 86_400_000),
});

/** A fresh buyer phone per test, so tests do not see each other's payments. */
const newPhone = () => `081${randomInt(100_000_000, 999_999_999)}`;

/** An open VA of `phone` at the emulator, paid there with its callback dropped (only a check can learn of it). */
async function paidSilently(phone: string, amount?: bigint) {
  const result = await createPayment(virtualAccount, form(amount), user());
  const id = result.transaction.id;
  await sql("update transactions set customer_phone = $2 where id = $1", [id, phone]);
  const uuid = String((await rowOf(id))?.purwantara_uuid);
  await control("drop-callbacks", { count: 1, uuid });
  await control(`transactions/${uuid}/pay`);
  return id;
}

const flagsOf = async (id: string) => ((await rowOf(id))?.flags ?? []) as string[];

describe("a status check that finds a payment paid (applySync)", () => {
  it("flags it and the buyer's earlier payment of the same amount maybe paid twice, with the note on its event", async () => {
    const phone = newPhone();
    const first = await paidSilently(phone);
    const second = await paidSilently(phone);
    expect(await checkPaymentStatus(first, "local", "sweep")).toBe("updated");
    expect(await flagsOf(first)).toEqual([]);
    expect(await checkPaymentStatus(second, "local")).toBe("updated");
    expect(await flagsOf(first)).toEqual(["maybe_paid_twice"]);
    expect(await flagsOf(second)).toEqual(["maybe_paid_twice"]);
    const [event] = await sql<{ note: string; source: string }>(
      "select note, source from transaction_events where transaction_id = $1 and to_state = 'paid'",
      [second],
    );
    expect(event).toMatchObject({ source: "sync" });
    expect(event?.note).toContain("status check; maybe paid twice");
    expect(event?.note).toContain(first);
  });

  it("leaves another amount or another buyer alone", async () => {
    const phone = newPhone();
    const a = await paidSilently(phone, 120_000n);
    const b = await paidSilently(phone, 125_000n);
    const c = await paidSilently(newPhone(), 120_000n);
    for (const id of [a, b, c]) expect(await checkPaymentStatus(id, "local")).toBe("updated");
    for (const id of [a, b, c]) expect(await flagsOf(id)).toEqual([]);
  });

  it("flags both when two checks of one buyer's payments run at once (the buyer lock)", async () => {
    const pairs = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const phone = newPhone();
        return [await paidSilently(phone), await paidSilently(phone)] as const;
      }),
    );
    await Promise.all(pairs.flat().map((id) => checkPaymentStatus(id, "local", "sweep")));
    for (const id of pairs.flat()) {
      expect(await rowOf(id)).toMatchObject({ state: "paid" });
      expect(await flagsOf(id)).toEqual(["maybe_paid_twice"]);
    }
  });

  it("flags both when one is learnt by a check and the other by its callback at the same moment (one lock order)", async () => {
    const secrets = [{ mode: "local", slot: "current", secret: localCallbackSecret }] as const;
    const pairs = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const phone = newPhone();
        return [await paidSilently(phone), await paidSilently(phone)] as const;
      }),
    );
    const byCallback = async (id: string) => {
      const row = await rowOf(id);
      const body = callbackBody({
        uuid: String(row?.purwantara_uuid),
        external_id: String(row?.external_id),
        amount: "120000.0000",
        paid_at: new Date().toISOString(),
        event: { meta: {}, type: "virtual-account", channel: "BNI" },
        payment_link_url: null,
      });
      const answer = await ingestWithSecrets(callbackRequest(body), [...secrets]);
      // Stored either way: applied at once, or "received" and applied by the drainer (below).
      expect(answer.status).toBe(200);
      expect(["applied", "received"]).toContain(answer.body.outcome);
    };
    await Promise.all(
      pairs.flatMap(([a, b]) => [checkPaymentStatus(a, "local", "sweep"), byCallback(b)]),
    );
    while (await applyInboxRow(null)) {
      // what the inbox drainer does, until nothing is due
    }
    for (const id of pairs.flat()) {
      expect(await rowOf(id)).toMatchObject({ state: "paid" });
      expect(await flagsOf(id)).toEqual(["maybe_paid_twice"]);
    }
  });

  it("records a payment whose create answer was lost and is found already paid: created, then paid with a paid time", async () => {
    await control("latency", { ms: 1800 });
    const result = await createPayment(virtualAccount, form(), user());
    await control("latency", { ms: 0 });
    const id = result.transaction.id;
    expect(await rowOf(id)).toMatchObject({ state: "unconfirmed" });
    const listed = (await (await fetch(emulator.url("/control/transactions"))).json()) as {
      transactions: { uuid: string; external_id: string }[];
    };
    const made = listed.transactions.find((t) => t.external_id === result.transaction.externalId);
    expect(made).toBeDefined();
    await control("drop-callbacks", { count: 1, uuid: made!.uuid });
    await control(`transactions/${made!.uuid}/pay`);
    expect(await checkPaymentStatus(id, "local")).toBe("updated");
    const row = await rowOf(id);
    expect(row).toMatchObject({ state: "paid", raw_status: "PAID" });
    expect(row?.paid_at).toBeInstanceOf(Date);
    expect((await eventsOf(id)).map((e) => e.to_state)).toEqual(["unconfirmed", "active", "paid"]);
  });
});
