import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { GatewayMode } from "@/lib/core/modes";
import { getDb, type DbOrTx } from "../client";
import { refundProofs, refunds } from "../schema";

export type NewRefundProof = {
  refundId: string;
  contentType: string;
  bytes: Buffer;
  sha256: string;
  uploadedBy: string;
};

export async function insertRefundProof(tx: DbOrTx, proof: NewRefundProof): Promise<void> {
  await tx.insert(refundProofs).values({ ...proof, size: proof.bytes.length });
}

/** A refund's proof, only through a refund of `mode`. */
export async function getRefundProof(
  refundId: string,
  mode: GatewayMode,
): Promise<{ contentType: string; bytes: Buffer; createdAt: Date } | null> {
  const [row] = await getDb()
    .select({
      contentType: refundProofs.contentType,
      bytes: refundProofs.bytes,
      createdAt: refundProofs.createdAt,
    })
    .from(refundProofs)
    .innerJoin(refunds, eq(refunds.id, refundProofs.refundId))
    .where(and(eq(refundProofs.refundId, refundId), eq(refunds.mode, mode)));
  return row ?? null;
}

/** Which of these refunds have a proof kept. */
export async function refundsWithProof(ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await getDb()
    .select({ id: refundProofs.refundId })
    .from(refundProofs)
    .where(inArray(refundProofs.refundId, ids));
  return new Set(rows.map((r) => r.id));
}
