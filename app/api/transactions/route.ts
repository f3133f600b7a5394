import { createHash } from "node:crypto";
import { can } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { actingMode } from "@/lib/gateway/config";
import { jsonError } from "@/lib/http/json-error";
import {
  getTransactionListPage,
  transactionListQuerySchema,
} from "@/lib/payments/transaction-list";

export const dynamic = "force-dynamic";

/** The transactions table's data, polled by SWR; 304 while the page has not changed. */
export async function GET(request: Request): Promise<Response> {
  const parsed = transactionListQuerySchema.safeParse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  if (!parsed.success) return jsonError(400, "Invalid query.");
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to see transactions.");
  if (!can(user.role, "transactions:read")) {
    return jsonError(403, "Your role cannot see transactions.");
  }

  try {
    // One page is an index scan, so the ETag is a hash of the page itself: exact in
    // whatever order concurrent writes commit, and a poll moves no bytes while nothing changed.
    const body = JSON.stringify(await getTransactionListPage(parsed.data, await actingMode(user)));
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
    // no-store: payment data never lands in a disk cache; the fetcher revalidates by ETag itself.
    const headers = { ETag: etag, "Cache-Control": "private, no-store" };
    if (request.headers.get("if-none-match") === etag) {
      return new Response(null, { status: 304, headers });
    }
    return new Response(body, { headers: { ...headers, "Content-Type": "application/json" } });
  } catch (error) {
    console.error("GET /api/transactions failed:", error);
    return jsonError(503, "Transactions are temporarily unavailable.");
  }
}
