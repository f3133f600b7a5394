import { getDb } from "@/db/client";
import { auditCsv, auditFilter, readAuditQuery } from "@/lib/audit/list";
import { recordAudit } from "@/lib/audit/record";
import { clientIp } from "@/lib/auth/login-limits";
import { routeCaller } from "@/lib/http/route-caller";
import { errorFacts, logFor } from "@/lib/log";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The audit log as CSV with the page's filters, streamed from a database cursor.
 * The export itself is audited (with its filter) before the first byte goes out.
 */
export async function GET(request: Request): Promise<Response> {
  const { user, refused } = await routeCaller("audit:read", {
    signedOut: "Sign in to export the audit log.",
    role: "Your role cannot read the audit log.",
  });
  if (refused) return refused;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = readAuditQuery(params);
  const filter = auditFilter(query, user.timeZone);
  await getDb().transaction((tx) =>
    recordAudit(tx, {
      action: "export.audit_csv",
      actorId: user.id,
      ip: clientIp(request.headers),
      details: {
        filter: { actor: query.actor, action: query.action, from: query.from, to: query.to },
      },
    }),
  );
  const lines = auditCsv(filter);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        logFor("export").error({ err: errorFacts(error) }, "audit export failed");
        controller.error(error);
      }
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${stamp}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
