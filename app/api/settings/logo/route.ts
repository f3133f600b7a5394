import { getCurrentUser } from "@/lib/auth/session";
import { jsonError } from "@/lib/http/json-error";
import { getMerchantLogoImage } from "@/lib/settings/logo";

export const dynamic = "force-dynamic";

/** The merchant's logo for slips, to any signed-in person; its bytes as uploaded. */
export async function GET(): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "sign in first");
  const logo = await getMerchantLogoImage();
  if (!logo) return jsonError(404, "no logo");
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      "Content-Type": logo.type,
      "Content-Length": String(logo.bytes.length),
      "Cache-Control": "private, max-age=300",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
      "Last-Modified": logo.updatedAt.toUTCString(),
    },
  });
}
