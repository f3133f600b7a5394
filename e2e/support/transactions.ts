import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { databaseUrl } from "./env";

type Seed = {
  title: string;
  state: "active" | "paid" | "failed_to_create" | "unconfirmed";
  amount?: string;
  /** What the buyer paid with, as Purwantara names it (`qris_doku`, `MANDIRI`). */
  paymentChannel?: string;
  /** Timeline entries, with their notes as the code stores them ("active → paid"). */
  events?: { from: string | null; to: string; note: string }[];
};

/**
 * A transaction row as the create flow leaves it, for screens that need one in a given
 * state (the flows themselves go through the form and the emulator).
 */
export async function seedTransaction(seed: Seed): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const externalId = `seed-${randomBytes(6).toString("hex")}`;
  const uuid = seed.state === "active" || seed.state === "paid" ? randomUUID() : null;
  const failed = seed.state === "failed_to_create" || seed.state === "unconfirmed";
  try {
    const { rows } = await client.query<{ id: string }>(
      `insert into transactions (mode, channel, external_id, purwantara_uuid, title, amount, state,
         raw_status, payment_link_url, expires_at, paid_at, error_code, error_message, error_fields,
         payment_channel)
       values ('local', 'payment-link', $1, $2, $3, $4, $5, $6, $7, now() + interval '1 day',
         $8, $9, $10, $11, $12) returning id`,
      [
        externalId,
        uuid,
        seed.title,
        seed.amount ?? "45000",
        seed.state,
        uuid ? seed.state.toUpperCase() : null,
        uuid ? `https://pay.example/share/payment-links/${uuid}` : null,
        seed.state === "paid" ? new Date() : null,
        failed ? (seed.state === "unconfirmed" ? "TIMEOUT" : "VALIDATION_ERROR") : null,
        failed ? "Purwantara refused: The given data was invalid" : null,
        seed.state === "failed_to_create" ? { amount: ["The amount is too small."] } : null,
        seed.paymentChannel ?? null,
      ],
    );
    const id = rows[0]!.id;
    for (const event of seed.events ?? []) {
      await client.query(
        `insert into transaction_events (transaction_id, source, from_state, to_state, note)
         values ($1, 'webhook', $2, $3, $4)`,
        [id, event.from, event.to, event.note],
      );
    }
    return id;
  } finally {
    await client.end();
  }
}
