import { randomUUID } from "node:crypto";
import { queryTestDb } from "./database";

export type StoredDelivery = {
  outcome: string;
  reason: string | null;
  raw_body: Buffer;
  raw_status: string | null;
  transaction_id: string | null;
  signature_valid: boolean;
};

/** Reads and seeds the webhook's tables of a test database, for assertions. */
export function webhookRecords(url: () => string) {
  const q = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    queryTestDb<T>(url(), sql, params);
  return {
    q,
    /** An open local payment link of 10000, in `state`. */
    async seedTransaction(state = "active") {
      const uuid = randomUUID();
      const externalId = `PWD-${randomUUID().slice(0, 8)}`;
      const [row] = await q<{ id: string }>(
        `insert into transactions (mode, channel, external_id, purwantara_uuid, title, amount, raw_status, state)
         values ('local', 'payment-link', $1, $2, 'Seeded', 10000, 'ACTIVE', $3) returning id`,
        [externalId, uuid, state],
      );
      if (!row) throw new Error("seed returned no row");
      return { id: row.id, uuid, externalId };
    },
    async transaction(id: string) {
      const [row] = await q<{ state: string; raw_status: string; amount: string; title: string }>(
        "select state, raw_status, amount, title, last_response, mode, bill_id from transactions where id = $1",
        [id],
      );
      return row;
    },
    async transactionsByUuid(uuid: string) {
      return q("select id, state, title, amount from transactions where purwantara_uuid = $1", [
        uuid,
      ]);
    },
    /** Every stored delivery with this X-PPN-Delivery, oldest first. */
    async deliveries(deliveryId: string) {
      return q<StoredDelivery>(
        `select outcome, reason, raw_body, raw_status, transaction_id, signature_valid
         from webhook_deliveries where delivery_id = $1 order by received_at`,
        [deliveryId],
      );
    },
  };
}
