import { actingMode } from "@/lib/gateway/config";
import { jsonError } from "@/lib/http/json-error";
import { routeCaller } from "@/lib/http/route-caller";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { defaultCsvSeparator, isCsvSeparator } from "@/lib/payments/csv-format";
import { refundsCsv } from "@/lib/payments/refund-export";
import { daysBetween, isDay } from "@/lib/core/time";
import { defaultTimeZone, isTimeZone } from "@/lib/core/time";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The longest range one file covers: a year of refunds. */
const maxDays = 366;

/**
 * GET /api/refunds/export?from=YYYY-MM-DD&to=YYYY-MM-DD[&sep=semicolon|comma]: every
 * refund of the acting mode dated in the range (requested, approved and rejected, each
 * saying which), as a CSV in the reader's language; audited with its SHA-256.
 */
export async function GET(request: Request): Promise<Response> {
  const { user, refused } = await routeCaller("transactions:export", {
    signedOut: "Sign in to export refunds.",
    role: "Your role cannot export refunds.",
  });
  if (refused) return refused;
  const search = new URL(request.url).searchParams;
  const from = search.get("from");
  const to = search.get("to");
  if (!isDay(from) || !isDay(to) || to < from || daysBetween(from, to) > maxDays)
    return jsonError(400, "Give from and to as YYYY-MM-DD, at most a year apart.");
  const locale = isLocale(user.locale) ? user.locale : defaultLocale;
  const sep = search.get("sep");
  const text = await refundsCsv({
    user,
    mode: await actingMode(user),
    from,
    to,
    zone: isTimeZone(user.timeZone) ? user.timeZone : defaultTimeZone,
    locale,
    separator: isCsvSeparator(sep) ? sep : defaultCsvSeparator(locale),
  });
  return new Response(text, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="refunds_${from}_${to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
