import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { ListFilter } from "@/lib/payments/list-filter";
import { addDays, dayStart } from "@/lib/payments/zoned-days";
import type { GatewayMode } from "@/lib/purwantara/contract";
import type { TimeZone } from "@/lib/time";

const timeColumn = {
  created: sql.raw(`"created_at"`),
  paid: sql.raw(`"paid_at"`),
  settled: sql.raw(`"settled_at"`),
} as const;

/**
 * The rows of `transactions` that the list shows at `transactionsListUrl(filter)` for a
 * viewer in `mode` and `zone`: the same predicate, clause by clause. Attempts that never
 * became payments (failed_to_create) are left out unless the filter names that state.
 * (At merge this is the list's own filter module.)
 */
export function listPredicate(filter: ListFilter, mode: GatewayMode, zone: TimeZone): SQL {
  const clauses: SQL[] = [sql`"mode" = ${mode}`];
  if (filter.status?.length) {
    clauses.push(
      sql`"state" in (${sql.join(
        filter.status.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  }
  if (!filter.status?.includes("failed_to_create"))
    clauses.push(sql`"state" <> 'failed_to_create'`);
  if (filter.channel?.length) {
    clauses.push(
      sql`"channel" in (${sql.join(
        filter.channel.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
  }
  if (filter.bank) {
    clauses.push(sql`("bank" = ${filter.bank} or "payment_channel" = ${filter.bank})`);
  }
  const column = timeColumn[filter.on ?? "created"];
  if (filter.from) clauses.push(sql`${column} >= ${dayStart(filter.from, zone).toISOString()}`);
  if (filter.to) {
    clauses.push(sql`${column} < ${dayStart(addDays(filter.to, 1), zone).toISOString()}`);
  }
  if (filter.flag?.length) {
    // `flags <> '{}'` lets the partial GIN index answer.
    clauses.push(
      sql`"flags" <> '{}'::text[] and "flags" && array[${sql.join(
        filter.flag.map((f) => sql`${f}`),
        sql`, `,
      )}]::text[]`,
    );
  }
  return sql.join(clauses, sql` and `);
}

/**
 * The calendar day (a `date`) a row's `on` time falls on in the viewer's zone: row
 * `from=to=that day`. Group by it (a hash of dates is cheap) and `to_char` the groups.
 */
export function zonedDayOf(on: "created" | "paid" | "settled", zone: TimeZone): SQL {
  return sql`(${timeColumn[on]} at time zone ${zone})::date`;
}
