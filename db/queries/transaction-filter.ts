import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { FilterTimeField } from "@/lib/core/transaction-filter/vocabulary";
import { effectiveStates } from "@/lib/core/transaction-filter/url";
import type { ResolvedFilter } from "@/lib/core/transaction-filter/resolve";
import { type RefundFilter } from "@/lib/core/transaction-filter/vocabulary";
import type { RefundState } from "@/lib/core/refund-terms";
import { timeZones, type TimeZone } from "@/lib/core/time";
import { paymentMethodSpellings } from "@/lib/core/payment-methods";
import { compactIdentifier, searchedAmount } from "@/lib/core/search-terms";
import { readDb } from "../read-replica";

/**
 * THE SQL of a transactions filter. The list, its totals, the export, the overview and
 * the reconciliation all build their WHERE here (or, for the summary tables, from the
 * same resolved filter in db/queries/transaction-totals.ts), so a number and the list
 * it links to always count the same rows.
 */

const t = sql.identifier("t");

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The text a word search looks in; the same expression as the trigram index
 * transactions_search_trgm_idx, so the index serves the ILIKE. transaction_search keeps
 * it, folded to lower case, for the totals (db/queries/transaction-totals.ts).
 */
export const searchDocument = sql.raw(
  `(coalesce(t.title, '') || ' ' || coalesce(t.description, '') || ' ' || coalesce(t.customer_name, '') || ' ' || coalesce(t.customer_email, '') || ' ' || coalesce(t.customer_phone, '') || ' ' || coalesce(t.external_id, ''))`,
);

/** Shortest text a word search runs for: trigrams need three characters. */
export const minWordSearch = 3;

function exactIdConditions(text: string): SQL[] {
  // Exact ids are equalities on their own indexes: instant at any size.
  const exact: SQL[] = [
    sql`${t}.external_id = ${text}`,
    sql`${t}.purwantara_uuid = ${text}`,
    sql`${t}.va_number = ${text}`,
    sql`${t}.payment_code = ${text}`,
  ];
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) {
    exact.push(sql`${t}.id = ${text.toLowerCase()}::uuid`);
  }
  // An identifier typed in groups ("7001 2954 4513 5468") is the one stored without them.
  const compact = compactIdentifier(text);
  if (compact) {
    for (const column of ["external_id", "va_number", "payment_code"] as const) {
      exact.push(sql`${t}.${sql.identifier(column)} = ${compact}`);
    }
  }
  // A phone typed as 0812… also finds +62812… and 62812…, and the other way round.
  const digits = text.replace(/[\s-]/g, "");
  if (/^(\+?62|0)8\d{6,13}$/.test(digits)) {
    const local = digits.replace(/^(\+?62)/, "0");
    const national = local.slice(1);
    for (const phone of [local, `62${national}`, `+62${national}`]) {
      exact.push(sql`${t}.customer_phone = ${phone}`);
    }
  }
  return exact;
}

/**
 * A word search over a document and an amount: the text among the words, or the amount
 * it names ("150.000", "Rp150rb", "150000"). `folded`: the document is in lower case
 * already (transaction_search), so LIKE on the lowered text is the ILIKE.
 */
export function wordCondition(document: SQL, amount: SQL, text: string, folded = false): SQL[] {
  const parts: SQL[] = [];
  if (text.length >= minWordSearch) {
    parts.push(
      folded
        ? sql`${document} like lower(${likePattern(text)})`
        : sql`${document} ilike ${likePattern(text)}`,
    );
  }
  const named = searchedAmount(text);
  if (named) parts.push(sql`${amount} = ${named}::numeric`);
  return parts;
}

export function searchCondition(q: string, mode: "exact" | "words" | "both" = "both"): SQL | null {
  const text = q.trim();
  if (!text) return null;
  const parts = mode === "words" ? [] : exactIdConditions(text);
  if (mode !== "exact") parts.push(...wordCondition(searchDocument, sql`${t}.amount`, text));
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * Decides how a filter's search runs: a text that is some row's exact id (or phone)
 * finds exactly those rows; any other text searches words. One indexed lookup.
 */
export async function withSearchMode(resolved: ResolvedFilter): Promise<ResolvedFilter> {
  const text = resolved.filter.q.trim();
  if (!text || resolved.searchMode) return resolved;
  const result = await readDb().execute<{ found: boolean }>(
    sql`select exists (select 1 from transactions t where ${t}.mode = ${resolved.mode} and (${sql.join(
      exactIdConditions(text),
      sql` or `,
    )})) as found`,
  );
  return { ...resolved, searchMode: result.rows[0]?.found ? "exact" : "words" };
}

const timeColumn = {
  created: sql.raw("t.created_at"),
  paid: sql.raw("t.paid_at"),
  settled: sql.raw("t.settled_at"),
} as const;

/**
 * The calendar day (a `date`) a row's `on` time falls on in `zone`, with the zone's
 * fixed offset, exactly as `resolveDateRange` draws a day: a row grouped under day d
 * is a row of the filter `from=d&to=d`.
 */
export function zonedDayOf(on: FilterTimeField, zone: TimeZone): SQL {
  const offset = sql.raw(`interval '${timeZones[zone].offsetMinutes} minutes'`);
  return sql`((${timeColumn[on]} at time zone 'UTC') + ${offset})::date`;
}

/**
 * The list's `bank=`: rows whose bank or payment channel names one of the wanted methods
 * in any of its spellings (lib/core/payment-methods.ts), case and punctuation ignored.
 * The folded expressions have planner statistics (migration 0022) only while they stay
 * written exactly so.
 */
export function bankCondition(bank: SQL, paymentChannel: SQL, wanted: string[]): SQL {
  const spellings = [...new Set(wanted.flatMap(paymentMethodSpellings))];
  const list = sql.join(
    spellings.map((s) => sql`${s}`),
    sql`, `,
  );
  const folded = (column: SQL) => sql`upper(regexp_replace(${column}, '[^a-zA-Z0-9]', '', 'g'))`;
  return sql`(${folded(bank)} in (${list}) or ${folded(paymentChannel)} in (${list}))`;
}

const counted: RefundState = "approved";
const waiting: RefundState = "requested";
/** The approved refunds of row `t`, summed (0 when none). */
const refundedOfRow = sql`(select coalesce(sum(r.amount), 0) from refunds r
  where r.transaction_id = ${t}.id and r.state = ${counted})`;

/** The list's `refund=` choices (lib/core/transaction-filter/vocabulary.ts) over row `t`. */
function refundCondition(choice: RefundFilter): SQL {
  switch (choice) {
    case "refunded":
      return sql`${refundedOfRow} >= ${t}.amount`;
    case "partly_refunded":
      return sql`(${refundedOfRow} > 0 and ${refundedOfRow} < ${t}.amount)`;
    case "refund_waiting":
      return sql`exists (select 1 from refunds r where r.transaction_id = ${t}.id and r.state = ${waiting})`;
    case "not_refunded":
      return sql`not exists (select 1 from refunds r where r.transaction_id = ${t}.id
        and r.state in (${counted}, ${waiting}))`;
  }
}

/** The WHERE of a filter (without sort or cursor), over `transactions t`. */
export function transactionFilterWhere(resolved: ResolvedFilter): SQL {
  const { filter, mode, start, end } = resolved;
  const parts: SQL[] = [sql`${t}.mode = ${mode}`];
  const states = effectiveStates(filter);
  if (!filter.status.length && !filter.includeNotCreated) {
    // The default: every state but Not created (one comparison, not a list of eight).
    parts.push(sql`${t}.state <> 'failed_to_create'`);
  } else if (states) {
    parts.push(
      states.length === 1
        ? sql`${t}.state = ${states[0]}`
        : sql`${t}.state in (${sql.join(
            states.map((s) => sql`${s}`),
            sql`, `,
          )})`,
    );
  }
  if (filter.channel.length) {
    parts.push(
      sql`${t}.channel in (${sql.join(
        filter.channel.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
  }
  if (filter.bank.length) {
    parts.push(bankCondition(sql`${t}.bank`, sql`${t}.payment_channel`, filter.bank));
  }
  const column = timeColumn[filter.on];
  if (start) parts.push(sql`${column} >= ${start.toISOString()}::timestamptz`);
  if (end) parts.push(sql`${column} < ${end.toISOString()}::timestamptz`);
  if (filter.min) parts.push(sql`${t}.amount >= ${filter.min}::numeric`);
  if (filter.max) parts.push(sql`${t}.amount <= ${filter.max}::numeric`);
  if (filter.by) parts.push(sql`${t}.created_by = ${filter.by}::uuid`);
  if (filter.flag.length) {
    // The flags GIN index is partial (flags <> '{}'): saying so lets the planner use it.
    parts.push(
      sql`(${t}.flags <> '{}'::text[] and ${t}.flags && ${`{${filter.flag.join(",")}}`}::text[])`,
    );
  }
  if (filter.refund.length) {
    parts.push(sql`(${sql.join(filter.refund.map(refundCondition), sql` or `)})`);
  }
  const search = searchCondition(filter.q, resolved.searchMode);
  if (search) parts.push(search);
  return sql.join(parts, sql` and `);
}
