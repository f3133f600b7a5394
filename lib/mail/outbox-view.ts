import "server-only";
import { z } from "zod";
import { listOutbox, type OutboxListRow } from "@/db/queries/outbox";
import { emailStates } from "@/lib/core/email-kinds";

/** [chosen] Rows per page of the outbox. */
export const outboxPageSize = 25;

/** The outbox page's URL: a state to show only, and the page (from 1). Bad values read as none. */
export const outboxQuerySchema = z.object({
  state: z.enum(emailStates).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

export function readOutboxQuery(params: Record<string, string | string[] | undefined>) {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return outboxQuerySchema.parse({ state: one(params.state), page: one(params.page) });
}

/** One page of emails, newest first, and whether an older page exists. */
export async function getOutboxPage(
  query: OutboxQuery,
): Promise<{ rows: OutboxListRow[]; hasOlder: boolean }> {
  const rows = await listOutbox({
    limit: outboxPageSize + 1,
    offset: (query.page - 1) * outboxPageSize,
    states: query.state ? [query.state] : undefined,
  });
  return { rows: rows.slice(0, outboxPageSize), hasOlder: rows.length > outboxPageSize };
}
