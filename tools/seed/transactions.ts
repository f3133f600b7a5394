import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import type pg from "pg";
import type { GatewayMode } from "@/lib/core/modes";
import { createdTimes, seedCalendar, type SeedOrder } from "./created-times";
import { withIndexesDeferred } from "./deferred-indexes";
import { seedWords } from "./words";

/**
 * Realistic transactions for demos and benchmarks, generated inside PostgreSQL
 * (INSERT … SELECT over the batch's created times, one statement per batch, so the
 * change-marker trigger fires once per batch, rows inserted in the batch's order):
 * every channel with its fields, two years of dates (./created-times.ts: busier lately,
 * quieter at weekends and at night, oldest first unless asked otherwise), statuses in realistic
 * proportions, fees, settlements one or two days after payment, a few flagged, some
 * made outside the dashboard, Indonesian-looking customers, a few creators.
 */
const insertBatch = `
with g as (
  select $1::bigint + u.i - 1 as n, u.created_at, random() as rc, random() as rs, random() as rb,
         random() as ra, random() as rf, random() as rn, random() as rp, random() as rx,
         random() as ry, random() as rz
    from unnest($2::timestamptz[]) with ordinality as u(created_at, i)
), d as materialized (
  select g.*,
    (case when rc < 0.35 then 'virtual-account' when rc < 0.65 then 'qris'
          when rc < 0.73 then 'ewallet-ovo' when rc < 0.81 then 'ewallet-shopeepay'
          when rc < 0.83 then 'ewallet-other' when rc < 0.85 then 'ewallet-dana'
          when rc < 0.95 then 'payment-link' else 'counter' end)::transaction_channel as channel
    from g
), dd as (
  select d.*,
    case channel when 'virtual-account' then interval '24 hours' when 'qris' then interval '30 minutes'
                 when 'ewallet-ovo' then interval '5 minutes' when 'ewallet-shopeepay' then interval '30 minutes'
                 when 'payment-link' then interval '72 hours' else interval '48 hours' end as lifetime,
    case when channel in ('virtual-account', 'qris') then 1 else 2 end as settle_days,
    ($4::text[])[1 + floor(rb * cardinality($4::text[]))::int] as va_bank,
    ($5::text[])[1 + floor(rb * cardinality($5::text[]))::int] as qris_channel,
    ($6::text[])[1 + floor(rz * cardinality($6::text[]))::int] as link_paid_with,
    ($7::text[])[1 + floor(rn * cardinality($7::text[]))::int] as first_name,
    ($8::text[])[1 + floor(rz * cardinality($8::text[]))::int] as last_name,
    ($9::text[])[1 + floor(rp * cardinality($9::text[]))::int] as item,
    greatest(10000, round(exp(ln(8000) + power(ra, 1.7) * ln(600)) / 500) * 500)::numeric as amount,
    (channel = 'payment-link' and rz < 0.25) as outside
    from d
), e as materialized (
  select dd.*, created_at + lifetime as expires_at,
    case when rf < 0.006 then created_at + lifetime + power(rp, 2) * interval '6 hours'
         else created_at + power(rp, 3) * lifetime end as paid_candidate
    from dd
), f as (
  select e.*,
    case when rs < 0.02 and not outside then 'failed_to_create'
         when rs < 0.023 and not outside then 'unconfirmed'
         when rs < 0.028 then 'failed'
         when rs < 0.045 then 'cancelled'
         when rs < 0.745 and paid_candidate <= $3::timestamptz then 'paid'
         when expires_at > $3::timestamptz then 'active'
         else 'expired' end as base_state,
    ((paid_candidate at time zone 'Asia/Jakarta')::date + settle_days
       + make_interval(hours => 9 + floor(ry * 8)::int, mins => floor(rx * 60)::int)) at time zone 'Asia/Jakarta' as settle_candidate
    from e
), h as materialized (
  select f.*,
    case when base_state = 'paid' and settle_candidate <= $3::timestamptz and ry > 0.004 then 'settled'
         else base_state end::transaction_state as state,
    case channel when 'virtual-account' then 4000::numeric when 'counter' then 5000::numeric
                 when 'qris' then round(amount * 0.007) when 'payment-link' then round(amount * 0.025)
                 else round(amount * 0.015) end as fee_amount
    from f
)
insert into transactions (
  mode, channel, bank, payment_channel, external_id, purwantara_uuid, title, description,
  amount, fee, total, raw_status, state, customer_name, customer_email, customer_phone,
  va_number, qr_string, payment_link_url, checkout_url, payment_code, expires_at, paid_at,
  settled_at, created_by, error_code, error_message, flags, created_at, updated_at)
select $10::gateway_mode, channel,
  case when channel = 'virtual-account' then va_bank end,
  case when channel = 'qris' then qris_channel when channel = 'ewallet-ovo' then 'OVO'
       when channel = 'ewallet-shopeepay' then 'shopee_pay' when channel = 'counter' then 'Alfamart'
       when channel = 'ewallet-dana' then 'wallet_dana'
       when channel = 'ewallet-other' then (case when rn < 0.7 then 'LinkAja' else 'Sakuku' end)
       when channel = 'virtual-account' and state in ('paid', 'settled') then va_bank
       when channel = 'payment-link' and state in ('paid', 'settled') then link_paid_with end,
  case when not outside then 'PWD-' || upper(substr(md5($11 || n), 1, 20)) end,
  case when state <> 'failed_to_create' then gen_random_uuid()::text end,
  case when channel = 'virtual-account' and rn < 0.5 then 'VA ' || va_bank || ' · ' || first_name || ' ' || last_name
       else item || ' #' || (1000 + n % 9000) end,
  case when rp < 0.3 then 'Pesanan ' || first_name || ' ' || last_name end,
  amount,
  case when state in ('paid', 'settled') or (channel = 'virtual-account' and state = 'active') then fee_amount end,
  case when state in ('paid', 'settled') or (channel = 'virtual-account' and state = 'active') then amount end,
  case state when 'paid' then 'PAID' when 'settled' then 'SETTLED' when 'active' then 'ACTIVE'
             when 'expired' then 'EXPIRED' when 'cancelled' then 'CANCELLED' when 'failed' then 'FAILED' end,
  state,
  case when channel <> 'ewallet-ovo' then first_name || ' ' || last_name end,
  case when channel in ('qris', 'ewallet-shopeepay') or rz < 0.3
       then lower(first_name) || '.' || lower(last_name) || (n % 97) || '@' ||
            (array['gmail.com', 'yahoo.co.id', 'gmail.com', 'outlook.com', 'gmail.com'])[1 + (n % 5)::int] end,
  case when channel in ('qris', 'ewallet-ovo', 'ewallet-shopeepay') or rz < 0.2
       then '08' || (array['11','12','13','21','22','52','53','57','58','77','78','81','95','96'])[1 + floor(rx * 14)::int]
            || lpad(floor(ry * 100000000)::text, 8, '0') end,
  case when channel = 'virtual-account' and state not in ('failed_to_create', 'unconfirmed')
       then (case va_bank when 'BCA' then '39358' when 'MANDIRI' then '88908' when 'BNI' then '98829'
                          when 'BRI' then '26215' when 'PERMATA' then '86277' when 'CIMB' then '59113'
                          when 'BSI' then '90021' else '79203' end) || lpad((n % 100000000000)::text, 11, '0') end,
  case when channel = 'qris' and state not in ('failed_to_create', 'unconfirmed')
       then '00020101021226670016COM.PURWANTARA.WWW01189360091800000' || lpad((n % 1000000)::text, 6, '0')
            || '5204581453033605405' || amount::bigint || '5802ID5914PURWANTARA DEMO6007JAKARTA6304'
            || upper(substr(md5(n::text), 1, 4)) end,
  case when channel = 'payment-link' then 'https://purwantara.id/share/payment-links/' || md5($11 || 'l' || n)::uuid end,
  case when channel = 'ewallet-shopeepay' and state not in ('failed_to_create', 'unconfirmed')
       then 'https://pay.shopee.co.id/checkout/' || substr(md5($11 || 's' || n), 1, 24) end,
  case when channel = 'counter' and state not in ('failed_to_create', 'unconfirmed')
       then '7' || lpad((n % 100000000000)::text, 11, '0') end,
  expires_at,
  case when state in ('paid', 'settled') then paid_candidate end,
  case when state = 'settled' then settle_candidate end,
  case when not outside then ($12::uuid[])[1 + floor(rz * cardinality($12::uuid[]))::int] end,
  case when state = 'failed_to_create' then 'VALIDATION_ERROR' end,
  case when state = 'failed_to_create' then 'The given data was invalid.' end,
  array_remove(array[
    case when outside then 'outside_dashboard' end,
    case when state in ('paid', 'settled') and rf < 0.006 then 'paid_after_expiry' end,
    case when state in ('paid', 'settled') and rn < 0.0015 then 'needs_review' end,
    case when state in ('paid', 'settled') and rn < 0.0005 then 'amount_mismatch' end
  ], null)::text[],
  created_at,
  greatest(created_at, case when state in ('paid', 'settled') then paid_candidate end,
           case when state = 'settled' then settle_candidate end)
from h
order by n`;

export type SeedOptions = {
  rows: number;
  mode: GatewayMode;
  /** Rows per INSERT statement. */
  batchSize?: number;
  /** "Now": the newest rows are just before it. */
  now?: Date;
  /** Rows in time order (oldest first, as traffic arrives: the default) or in random order. */
  order?: SeedOrder;
  /**
   * Build the secondary indexes after the rows rather than row by row (./deferred-indexes.ts).
   * Default: for 100,000 rows or more into an empty table.
   */
  deferIndexes?: boolean;
  onBatch?: (done: number) => void;
};

/** Some creators: the existing admins and operators, else a few seeded operators. */
async function creators(client: pg.ClientBase): Promise<string[]> {
  const existing = await client.query<{ id: string }>(
    "select id from users where role in ('admin', 'operator') and disabled_at is null order by created_at limit 10",
  );
  if (existing.rows.length >= 3) return existing.rows.map((r) => r.id);
  // A random password nobody knows: seeded people make payments, they do not sign in.
  const hash = await bcrypt.hash(randomBytes(18).toString("base64url"), 4);
  const names = ["Dewi Lestari", "Budi Santoso", "Rina Wijaya", "Agus Pratama"];
  for (const [i, name] of names.entries()) {
    await client.query(
      `insert into users (email, name, password_hash, role) values ($1, $2, $3, 'operator')
       on conflict do nothing`,
      [`seed-operator-${i + 1}@example.com`, name, hash],
    );
  }
  return creators(client);
}

async function isEmpty(client: pg.ClientBase): Promise<boolean> {
  return (await client.query("select 1 from transactions limit 1")).rowCount === 0;
}

/** Inserts `rows` transactions in batches; returns how long it took. */
export async function seedTransactions(
  client: pg.ClientBase,
  options: SeedOptions,
): Promise<{ rows: number; seconds: number }> {
  const batchSize = options.batchSize ?? 50_000;
  const now = options.now ?? new Date();
  const users = await creators(client);
  const tag = randomBytes(6).toString("hex");
  // The batch's plan costs enough to be JIT-compiled, which takes longer than running it.
  await client.query("set jit = off");
  const calendar = seedCalendar(now);
  const order = options.order ?? "time";
  const fill = async () => {
    for (let start = 1; start <= options.rows; start += batchSize) {
      const end = Math.min(options.rows, start + batchSize - 1);
      await client.query(insertBatch, [
        start,
        createdTimes(calendar, { first: start, last: end, rows: options.rows }, order),
        now.toISOString(),
        seedWords.vaBanks,
        seedWords.qrisChannels,
        seedWords.linkPaidWith,
        seedWords.firstNames,
        seedWords.lastNames,
        seedWords.items,
        options.mode,
        tag,
        users,
      ]);
      options.onBatch?.(end);
    }
  };
  const defer = options.deferIndexes ?? (options.rows >= 100_000 && (await isEmpty(client)));
  const started = performance.now();
  if (defer) await withIndexesDeferred(client, ["transactions", "transaction_search"], fill);
  else await fill();
  return { rows: options.rows, seconds: (performance.now() - started) / 1000 };
}
