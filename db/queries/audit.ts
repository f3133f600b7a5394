import type { DbOrTx } from "@/db/client";
import { auditLog, type NewAuditEntry } from "@/db/schema";

/** Appends one audit entry; pass the transaction that makes the change it records. */
export async function insertAuditEntry(db: DbOrTx, entry: NewAuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}
