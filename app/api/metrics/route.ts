import { getEnv } from "@/lib/env";
import { metricsAccess } from "@/lib/ops/metrics-access";
import { scrapeMetrics } from "@/lib/ops/metrics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Prometheus text for a scraper: METRICS_TOKEN as a Bearer token, or loopback without one. */
export async function GET(request: Request): Promise<Response> {
  const access = metricsAccess(request.headers, getEnv().metricsToken);
  if (!access.ok) {
    const error =
      access.status === 401
        ? "metrics token required"
        : "set METRICS_TOKEN to scrape from elsewhere";
    return Response.json(
      { ok: false, error },
      {
        status: access.status,
        headers: access.status === 401 ? { "WWW-Authenticate": "Bearer" } : {},
      },
    );
  }
  const { body, contentType } = await scrapeMetrics();
  return new Response(body, {
    headers: { "Content-Type": contentType, "Cache-Control": "no-store" },
  });
}
