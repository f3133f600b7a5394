import type { TransactionState } from "@/db/schema";

/**
 * How each state looks. The words come from the `status` messages; the colour is
 * never the only signal (the label is always written), and every pair passes AA.
 */
export const stateTones = {
  creating: "bg-slate-100 text-slate-800 ring-slate-300",
  failed_to_create: "bg-rose-50 text-rose-800 ring-rose-200",
  unconfirmed: "bg-orange-50 text-orange-900 ring-orange-200",
  active: "bg-amber-50 text-amber-900 ring-amber-200",
  paid: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  settled: "bg-teal-50 text-teal-900 ring-teal-200",
  expired: "bg-slate-100 text-slate-700 ring-slate-300",
  cancelled: "bg-slate-100 text-slate-700 ring-slate-300",
  failed: "bg-rose-50 text-rose-800 ring-rose-200",
} as const satisfies Record<TransactionState, string>;
