/** A link inside a table or a figure: plain text until hovered or focused. */
export const quietLinkClass =
  "rounded-sm hover:text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500";
