import { describe, expect, it } from "vitest";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { getTransactionDetail } from "./transaction-detail";

const db = withTestDatabase();

describe("transaction detail", () => {
  it("gathers money, creator and one timeline of events and every callback", async () => {
    const [user] = await queryTestDb<{ id: string }>(
      db.url(),
      "insert into users (email, name, password_hash, role) values ('op@detail.test', 'Ana Operator', 'x', 'operator') returning id",
    );
    const [tx] = await queryTestDb<{ id: string }>(
      db.url(),
      `insert into transactions (mode, channel, bank, payment_channel, external_id, purwantara_uuid, title, amount, fee, state,
         flags, created_by, last_response, created_at, paid_at)
       values ('local', 'virtual-account', 'BCA', 'BCA', 'DET-1', 'uuid-det-1', 'Detail', 150000, 4000, 'paid',
         '{needs_review}', $1, '{"amount":"150000.0000","status":"PAID"}', now() - interval '1 hour', now())
       returning id`,
      [user!.id],
    );
    const delivery = (outcome: string, minutesAgo: number) =>
      queryTestDb<{ id: string }>(
        db.url(),
        `insert into webhook_deliveries (delivery_id, received_at, headers, raw_body, signature_valid, outcome, transaction_id, mode, raw_status)
         values (gen_random_uuid()::text, now() - ($3 || ' minutes')::interval, '{}', '\\x7b7d', true, $2, $1, 'local', 'PAID')
         returning id`,
        [tx!.id, outcome, String(minutesAgo)],
      );
    const [applied] = await delivery("applied", 30);
    const [duplicate] = await delivery("duplicate", 20);
    await queryTestDb(
      db.url(),
      `insert into transaction_events (transaction_id, source, from_state, to_state, raw_status, delivery_id, created_at)
       values ($1, 'api', 'creating', 'active', 'ACTIVE', null, now() - interval '59 minutes'),
              ($1, 'webhook', 'active', 'paid', 'PAID', $2, now() - interval '30 minutes')`,
      [tx!.id, applied!.id],
    );

    const detail = await getTransactionDetail(tx!.id, "local");
    expect(detail?.createdBy?.name).toBe("Ana Operator");
    expect(detail?.money).toEqual({
      confirmedAmount: "150000.0000",
      fee: "4000.0000",
      total: null,
      net: "146000",
      feeUnknown: false,
    });
    const kinds = detail!.timeline.map((e) =>
      e.kind === "event"
        ? `event:${e.event.toState}:${e.delivery?.id ?? "-"}`
        : `delivery:${e.delivery.outcome}`,
    );
    expect(kinds).toEqual(["event:active:-", `event:paid:${applied!.id}`, "delivery:duplicate"]);
    expect(detail!.timeline[2]!.delivery!.id).toBe(duplicate!.id);
    // Another mode's reader does not find it; nor does a malformed id.
    expect(await getTransactionDetail(tx!.id, "production")).toBeNull();
    expect(await getTransactionDetail("nope", "local")).toBeNull();
  });
});
