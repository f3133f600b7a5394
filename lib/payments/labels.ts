import type { TransactionChannel, TransactionState } from "@/db/schema";
import type { GatewayMode } from "@/lib/purwantara/contract";

export const stateLabels = {
  creating: { label: "Creating", tone: "bg-slate-100 text-slate-700 ring-slate-300" },
  failed_to_create: { label: "Not created", tone: "bg-rose-50 text-rose-700 ring-rose-200" },
  unconfirmed: { label: "Unconfirmed", tone: "bg-orange-50 text-orange-800 ring-orange-200" },
  active: { label: "Awaiting payment", tone: "bg-amber-50 text-amber-800 ring-amber-200" },
  paid: { label: "Paid", tone: "bg-emerald-50 text-emerald-700 ring-emerald-200" },
  settled: { label: "Settled", tone: "bg-teal-50 text-teal-800 ring-teal-200" },
  expired: { label: "Expired", tone: "bg-slate-100 text-slate-600 ring-slate-300" },
  cancelled: { label: "Cancelled", tone: "bg-slate-100 text-slate-600 ring-slate-300" },
  failed: { label: "Failed", tone: "bg-rose-50 text-rose-700 ring-rose-200" },
} as const satisfies Record<TransactionState, { label: string; tone: string }>;

export const channelLabels = {
  "payment-link": "Payment link",
  "virtual-account": "Virtual account",
  qris: "QRIS",
  "ewallet-ovo": "OVO",
  "ewallet-shopeepay": "ShopeePay",
  counter: "Alfamart",
} as const satisfies Record<TransactionChannel, string>;

/** Test data (local, sandbox) is always labelled apart from live data. */
export const modeLabels = {
  local: "Test data · local emulator",
  sandbox: "Test data · Purwantara sandbox",
  production: "Live",
} as const satisfies Record<GatewayMode, string>;
