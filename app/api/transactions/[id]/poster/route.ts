import { getLocale, getTranslations } from "next-intl/server";
import { actingMode } from "@/lib/gateway/config";
import { bindFormatter } from "@/lib/format";
import { jsonError } from "@/lib/http/json-error";
import { routeCaller } from "@/lib/http/route-caller";
import { posterText, renderQrisPoster } from "@/lib/payments/qris-poster";
import { getSlip } from "@/lib/payments/slip";
import { getMerchantLogoImage } from "@/lib/settings/logo";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * GET /api/transactions/<id>/poster: an open QRIS payment's poster (PNG), to whoever
 * may see the payment, in the acting mode. Drawn from the slip's view model: the shop,
 * what for, the amount, the QR and its deadline in the shop's zone.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { user, refused } = await routeCaller("transactions:read", {
    signedOut: "Sign in to get a payment's poster.",
    role: "Your role cannot see payments.",
  });
  if (refused) return refused;
  const { id } = await params;
  const outcome = await getSlip(id, await actingMode(user));
  const slip = outcome?.kind === "slip" ? outcome.slip : null;
  if (!slip || slip.channel !== "qris" || !slip.pay.qrString) {
    return jsonError(404, "No open QRIS payment with this id.");
  }
  const t = await getTranslations("poster");
  const format = bindFormatter(await getLocale(), slip.shop.zone);
  const logo = slip.shop.logoVersion === null ? null : await getMerchantLogoImage();
  const png = await renderQrisPoster(
    posterText(
      slip,
      {
        payWith: t("payWith"),
        scanWith: t("scanWith"),
        validUntil: (time) => t("validUntil", { time }),
      },
      format,
    ),
    slip.pay.qrString,
    logo?.bytes ?? null,
  );
  const name = (slip.reference ?? id).replace(/[^\w.-]/g, "-");
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Length": String(png.length),
      "Content-Disposition": `inline; filename="qris-${name}.png"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
