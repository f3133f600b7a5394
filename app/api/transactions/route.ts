import { can } from "@/lib/auth/roles";
import { getCurrentUser } from "@/lib/auth/session";
import { jsonError } from "@/lib/http/json-error";
import {
  getTransactionListPage,
  getTransactionListVersion,
  transactionListQuerySchema,
} from "@/lib/payments/transaction-list";

export const dynamic = "force-dynamic";

/** The transactions table's data, polled by SWR; 304 while nothing has changed. */
export async function GET(request: Request): Promise<Response> {
  const parsed = transactionListQuerySchema.safeParse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  if (!parsed.success) return jsonError(400, "Invalid query.");
  const query = parsed.data;
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "Sign in to see transactions.");
  if (!can(user.role, "transactions:read"))
    return jsonError(403, "Your role cannot see transactions.");

  try {
    const etag = await getTransactionListVersion(query);
    const headers = { ETag: etag, "Cache-Control": "private, no-cache" };
    if (request.headers.get("if-none-match") === etag)
      return new Response(null, { status: 304, headers });
    return Response.json(await getTransactionListPage(query), { headers });
  } catch (error) {
    console.error("GET /api/transactions failed:", error);
    return jsonError(503, "Transactions are temporarily unavailable.");
  }
}
