import "server-only";
import type { DbOrTx } from "@/db/client";

// placeholder: security helper's version wins at merge
/**
 * Ends every session of a user, in the caller's transaction. Until the session store
 * lands this does nothing beyond what getCurrentUser already does (it re-reads the
 * user on every request, so a disabled account or a changed role applies at once).
 */
export async function endUserSessions(tx: DbOrTx, userId: string, reason: string): Promise<void> {
  void tx;
  void userId;
  void reason;
}
