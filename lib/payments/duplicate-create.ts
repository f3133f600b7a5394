import type { TransactionState } from "@/db/schema";
import { terminalStates } from "@/lib/core/payment-states";

/** How recent an earlier payment must be for a new one to count as a likely repeat. */
export const duplicateWindowMs = 10 * 60_000;

/** The parts of a payment that say "the same bill again". */
export type CreateFingerprint = {
  channel: string;
  /** Exact decimal text, as stored ("150000.00" and "150000" are the same amount). */
  amount: string;
  title: string | null;
  customerName: string | null;
  customerEmail: string | null;
  customerPhone: string | null;
};

export type RecentCreate = CreateFingerprint & {
  id: string;
  state: TransactionState;
  createdAt: Date;
  idempotencyKey: string | null;
};

/** Whole rupiah as a canonical string: "150000.00" → "150000". */
function canonicalAmount(amount: string): string {
  const [whole = "", fraction = ""] = amount.trim().split(".");
  const digits = whole.replace(/^0+(?=\d)/, "");
  return /^0*$/.test(fraction) ? digits : `${digits}.${fraction.replace(/0+$/, "")}`;
}

/**
 * Who the bill is for, normalised: name, email and phone (digits, a leading 62 read as
 * 0). A channel that records no buyer (a payment link) is known by its title instead.
 * Empty when nothing identifies the buyer: then no two payments count as the same.
 */
export function buyerKey(p: Omit<CreateFingerprint, "channel" | "amount">): string {
  const name = p.customerName?.trim().toLowerCase().replace(/\s+/g, " ") ?? "";
  const email = p.customerEmail?.trim().toLowerCase() ?? "";
  const phone = (p.customerPhone ?? "").replace(/\D/g, "").replace(/^62/, "0");
  if (name || email || phone) return [name, email, phone].join("|");
  const title = p.title?.trim().toLowerCase().replace(/\s+/g, " ") ?? "";
  return title ? `title:${title}` : "";
}

/** A payment still waiting for money: a second one for the same buyer would be a second open bill. */
function isOpen(state: TransactionState): boolean {
  return state !== "paid" && !terminalStates.includes(state);
}

/**
 * The newest earlier payment that a new one would repeat: same channel, same amount,
 * same buyer, still open, made within the window. The same form sent twice (same
 * one-time key) is not a repeat: the create itself returns the first row then.
 */
export function findNearDuplicate(
  candidate: CreateFingerprint & { idempotencyKey: string },
  recent: readonly RecentCreate[],
  now: Date,
): RecentCreate | null {
  const buyer = buyerKey(candidate);
  if (!buyer) return null;
  const amount = canonicalAmount(candidate.amount);
  const matches = recent.filter(
    (row) =>
      row.channel === candidate.channel &&
      row.idempotencyKey !== candidate.idempotencyKey &&
      canonicalAmount(row.amount) === amount &&
      buyerKey(row) === buyer &&
      isOpen(row.state) &&
      now.getTime() - row.createdAt.getTime() <= duplicateWindowMs &&
      row.createdAt.getTime() <= now.getTime(),
  );
  matches.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return matches[0] ?? null;
}
