import { getRefundProof } from "@/db/queries/refund-proofs";
import { actingMode } from "@/lib/gateway/config";
import { jsonError } from "@/lib/http/json-error";
import { routeCaller } from "@/lib/http/route-caller";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /api/refunds/<id>/proof: a refund's proof of transfer, to finance and admins in
 * the refund's mode. An image is shown inline; a PDF is downloaded. Its type is the one
 * its bytes proved on upload; the page it opens in can run nothing.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  const { user, refused } = await routeCaller("refunds:approve", {
    signedOut: "Sign in to see a refund's proof.",
    role: "Your role cannot see refund proofs.",
  });
  if (refused) return refused;
  if (!uuid.test(id)) return jsonError(404, "No such refund.");
  const proof = await getRefundProof(id.toLowerCase(), await actingMode(user));
  if (!proof) return jsonError(404, "This refund has no proof.");
  const pdf = proof.contentType === "application/pdf";
  return new Response(new Uint8Array(proof.bytes), {
    headers: {
      "Content-Type": proof.contentType,
      "Content-Length": String(proof.bytes.length),
      "Content-Disposition": pdf ? `attachment; filename="refund-proof-${id}.pdf"` : "inline",
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
    },
  });
}
