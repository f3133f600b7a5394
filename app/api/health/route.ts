import { checkDatabase } from "@/db/queries/health";

export const dynamic = "force-dynamic";

/** For load balancers and the dev script: 200 when the app can reach its database. */
export async function GET(): Promise<Response> {
  const ok = await checkDatabase();
  return Response.json({ ok, database: ok ? "up" : "down" }, { status: ok ? 200 : 503 });
}
