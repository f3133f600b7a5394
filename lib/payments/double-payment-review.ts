import "server-only";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/db/client";
import {
  getPaymentPhone,
  listSameBuyerPaid,
  lockBuyer,
  lockPayment,
  removeFlag,
} from "@/db/queries/double-payments";
import type { Transaction } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { GatewayMode } from "@/lib/core/modes";
import { maybeTwicePartners, maybeTwiceWindowMs, type DoublePayment } from "./double-payments";

/**
 * The paid payments of other bills that make `payment` maybe paid twice, by the same
 * rule the money-in plan flagged it with (lib/payments/double-payments.ts).
 */
export async function findMaybeTwicePartners(
  payment: DoublePayment & Pick<Transaction, "mode">,
  db: DbOrTx = getDb(),
): Promise<Transaction[]> {
  if (!payment.customerPhone || !payment.paidAt) return [];
  const at = payment.paidAt.getTime();
  const candidates = await listSameBuyerPaid(db, {
    mode: payment.mode,
    phone: payment.customerPhone,
    from: new Date(at - maybeTwiceWindowMs),
    to: new Date(at + maybeTwiceWindowMs),
  });
  return maybeTwicePartners(payment, candidates);
}

export type DismissResult = "dismissed" | "notFound" | "notFlagged";

/**
 * A person says a payment flagged maybe paid twice is not a double payment: the flag
 * comes off it and off the partners that carry it, audited in the same transaction.
 * The buyer's lock is taken first, as the money-in apply takes it before row locks, so
 * a dismissal and a payment of the same buyer becoming paid never wait in a cycle.
 */
export async function dismissMaybePaidTwice(
  user: { id: string },
  mode: GatewayMode,
  id: string,
): Promise<DismissResult> {
  if (!z.uuid().safeParse(id).success) return "notFound";
  return getDb().transaction(async (tx) => {
    const phone = await getPaymentPhone(tx, id, mode);
    if (phone) await lockBuyer(tx, mode, phone);
    const row = await lockPayment(tx, id, mode);
    if (!row) return "notFound";
    if (!row.flags.includes("maybe_paid_twice")) return "notFlagged";
    const partners = (await findMaybeTwicePartners(row, tx)).filter((p) =>
      p.flags.includes("maybe_paid_twice"),
    );
    const ids = partners.map((p) => p.id);
    await removeFlag(tx, [row.id, ...ids], "maybe_paid_twice");
    await recordAudit(tx, {
      action: "payment.maybe_paid_twice_dismissed",
      actorId: user.id,
      mode,
      target: { type: "transaction", id: row.id },
      details: { partners: ids },
    });
    return "dismissed";
  });
}
