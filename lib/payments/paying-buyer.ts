import "server-only";
import type { DbOrTx } from "@/db/client";
import { listSameBuyerPaid, lockBuyer } from "@/db/queries/double-payments";
import type { Transaction } from "@/db/schema";
import type { GatewayMode } from "@/lib/core/modes";
import { maybeTwiceWindowMs } from "./double-payments";

/**
 * The buyer lock every path that can make a payment paid takes (a callback, a status
 * check, the sweep), in one order: the payment's uuid and bill keys first
 * (`lockCallbackKeys`), then the buyer (mode and phone), then the rows. Two payments of
 * one buyer becoming paid at once then see each other, whichever paths they come by,
 * and the later flags both. No phone, no lock.
 */
export async function lockPayingBuyer(
  tx: DbOrTx,
  mode: GatewayMode,
  phone: string | null,
): Promise<void> {
  if (phone) await lockBuyer(tx, mode, phone);
}

/** The buyer's paid payments within the maybe-twice window of `paidAt` or now (taken under the buyer's lock). */
export function sameBuyerPaidNear(
  tx: DbOrTx,
  mode: GatewayMode,
  phone: string,
  paidAt: Date | null,
): Promise<Transaction[]> {
  const now = Date.now();
  const paid = paidAt?.getTime() ?? now;
  return listSameBuyerPaid(tx, {
    mode,
    phone,
    from: new Date(Math.min(paid, now) - maybeTwiceWindowMs),
    to: new Date(Math.max(paid, now) + maybeTwiceWindowMs),
  });
}
