const variants = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-brand-600/60",
  secondary:
    "bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50 disabled:text-slate-400",
  ghost: "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
  danger: "bg-rose-700 text-white hover:bg-rose-800 disabled:bg-rose-700/60",
} as const;

export type ButtonVariant = keyof typeof variants;

/** Button classes, usable from server components and for links styled as buttons. */
export function buttonClass(variant: ButtonVariant = "primary"): string {
  // min-h-11: a 44 px touch target on phones.
  return `inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-3.5 py-2 text-sm font-medium transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:cursor-not-allowed ${variants[variant]}`;
}
