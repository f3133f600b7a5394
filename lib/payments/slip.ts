import "server-only";
import { z } from "zod";
import { getTransaction } from "@/db/queries/transactions";
import type { Transaction, TransactionChannel } from "@/db/schema";
import type { GatewayMode } from "@purwantara/contract";
import { getShop, type Shop } from "@/lib/settings/shop";

/**
 * What the buyer needs to pay, as the channel's gateway facts: a VA number and bank, a
 * QR string, a link, a counter code, or the phone an e-wallet bill was sent to. Each
 * channel's slip part (channels/<channel>/slip.tsx) reads the ones it has.
 */
export type PayFacts = {
  bank: string | null;
  vaNumber: string | null;
  qrString: string | null;
  link: string | null;
  paymentCode: string | null;
  customerPhone: string | null;
};

/**
 * A payment slip: only what a buyer may see. No fee, creator, internal id, timeline or
 * gateway answer: those never enter this object, so no page can print them from it.
 */
export type SlipView = {
  shop: Shop;
  channel: TransactionChannel;
  title: string | null;
  description: string | null;
  amount: string;
  /** Our reference for the bill: what the buyer quotes when asking about it. */
  reference: string | null;
  expiresAt: Date | null;
  pay: PayFacts;
};

/** Why there is no slip: paid (the receipt takes its place), or nothing to pay. */
export type SlipOutcome =
  | { kind: "slip"; slip: SlipView }
  | { kind: "paid" }
  | { kind: "closed"; state: Transaction["state"] };

export function payFacts(t: Transaction): PayFacts {
  return {
    bank: t.bank,
    vaNumber: t.vaNumber,
    qrString: t.qrString,
    link: t.paymentLinkUrl ?? t.checkoutUrl,
    paymentCode: t.paymentCode,
    customerPhone: t.customerPhone,
  };
}

/** The slip of an open payment the gateway has confirmed; else why there is none. */
export function buildSlip(t: Transaction, shop: Shop): SlipOutcome {
  if (t.state === "paid" || t.state === "settled") return { kind: "paid" };
  if (t.state !== "active" || !t.purwantaraUuid) return { kind: "closed", state: t.state };
  return {
    kind: "slip",
    slip: {
      shop,
      channel: t.channel,
      title: t.title,
      description: t.description && t.description !== t.title ? t.description : null,
      amount: t.amount,
      reference: t.externalId,
      expiresAt: t.expiresAt,
      pay: payFacts(t),
    },
  };
}

/** The slip of one payment of the acting mode; null for an unknown or malformed id. */
export async function getSlip(id: string, mode: GatewayMode): Promise<SlipOutcome | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const row = await getTransaction(id, mode);
  return row ? buildSlip(row, await getShop()) : null;
}
