import { createHash } from "node:crypto";
import { changeMarkerVersion } from "@/db/queries/transaction-list";
import { routeCaller } from "@/lib/http/route-caller";
import { actingMode } from "@/lib/gateway/config";
import { toResponse } from "@/lib/http/json-error";
import { parseTransactionFilter } from "@/lib/core/transaction-filter/parse";
import { serializeTransactionFilter } from "@/lib/core/transaction-filter/url";
import { getTransactionListPage } from "@/lib/payments/transaction-list";
import { resolveFilter } from "@/lib/core/transaction-filter/resolve";
import { defaultTimeZone, isTimeZone } from "@/lib/core/time";

export const dynamic = "force-dynamic";

/**
 * The transactions list's data (one keyset page of a filter and the totals of the whole
 * filtered set), polled by SWR every 2 s. "Nothing changed" is answered 304 from the
 * mode's change marker (moved by triggers in the same transaction as every write to
 * transactions) before any page query runs.
 *
 * Cost of a 304: the session (the cookie's JWT, then getCurrentUser's one read of the
 * user row, so a disabled account stops at once) and one primary-key read of
 * change_markers. The ETag is the marker version plus a hash of what the body depends
 * on: mode, the filter, its resolved time window (so "today" rolls over at midnight in
 * the viewer's zone), cursor and page size.
 */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const { filter } = parseTransactionFilter(params);
  const limitText = params.get("limit");
  const limit = limitText && /^\d{1,3}$/.test(limitText) ? Number(limitText) : undefined;
  const cursor = params.get("cursor");
  const { user, refused } = await routeCaller("transactions:read", {
    signedOut: "Sign in to see transactions.",
    role: "Your role cannot see transactions.",
  });
  if (refused) return refused;

  try {
    const mode = await actingMode(user);
    const zone = isTimeZone(user.timeZone) ? user.timeZone : defaultTimeZone;
    const resolved = resolveFilter(filter, mode, zone);
    const version = await changeMarkerVersion(mode);
    const shape = JSON.stringify([
      mode,
      serializeTransactionFilter(filter).toString(),
      resolved.start?.toISOString() ?? null,
      resolved.end?.toISOString() ?? null,
      cursor,
      limit ?? null,
    ]);
    const etag = `"${version}.${createHash("sha256").update(shape).digest("base64url").slice(0, 22)}"`;
    // no-store: payment data never lands in a disk cache; the fetcher revalidates by ETag itself.
    const headers = { ETag: etag, "Cache-Control": "private, no-store", Vary: "Cookie" };
    if (request.headers.get("if-none-match") === etag) {
      return new Response(null, { status: 304, headers });
    }
    const body = JSON.stringify(await getTransactionListPage(resolved, { cursor, limit }));
    return new Response(body, { headers: { ...headers, "Content-Type": "application/json" } });
  } catch (error) {
    return toResponse(error, "api");
  }
}
