import { currentReadiness } from "@/lib/ops/readiness";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Readiness for a proxy or an orchestrator: 200 when this process should take traffic,
 * 503 naming the checks that failed. No session; it says nothing secret.
 */
export async function GET(): Promise<Response> {
  const readiness = await currentReadiness();
  return Response.json(readiness, {
    status: readiness.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
