import "server-only";
import { getDb } from "@/db/client";
import { inboxDepth, listPendingInbox } from "@/db/queries/inbox";
import { listRecentQuarantined, quarantineTotals } from "@/db/queries/quarantine";
import type { GatewayMode } from "@purwantara/contract";

/** What the callback log shows beside the applied deliveries: what waits, and what no secret verified. */
export type InboxView = {
  pending: Awaited<ReturnType<typeof listPendingInbox>>;
  depth: { pending: number; oldestAt: Date | null };
  /** Only for those who may manage callbacks (the bodies are not trusted). */
  quarantine: {
    totals: { count: number; bytes: number };
    recent: Awaited<ReturnType<typeof listRecentQuarantined>>;
  } | null;
};

export async function getInboxView(mode: GatewayMode, canManage: boolean): Promise<InboxView> {
  const db = getDb();
  const [pending, depth, quarantine] = await Promise.all([
    listPendingInbox(db, mode, 20),
    inboxDepth(db),
    canManage
      ? Promise.all([quarantineTotals(db), listRecentQuarantined(db, 10)]).then(
          ([totals, recent]) => ({ totals, recent }),
        )
      : Promise.resolve(null),
  ]);
  return { pending, depth, quarantine };
}
