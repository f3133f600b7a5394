/**
 * Rupiah amounts are exact: decimal strings from the database and the gateway,
 * bigint whole rupiah in arithmetic. Never a JavaScript float. Display is in
 * `lib/format.ts`.
 */

/** What `numeric(20,4)` text and the gateway's money strings look like. */
export const decimalPattern = /^-?\d+(?:\.\d+)?$/;

/**
 * Parses what a person types: "150000", "150.000", "Rp 150.000" (dots group
 * thousands in Indonesian). Returns null when it is not a whole, positive amount.
 */
export function parseRupiahInput(input: string): bigint | null {
  const text = input.replace(/^\s*rp\.?\s*/i, "").replace(/\s+/g, "");
  if (/^\d{1,3}(\.\d{3})+$/.test(text)) return BigInt(text.replaceAll(".", ""));
  if (/^\d+$/.test(text)) return BigInt(text);
  return null;
}

/** The database's numeric text for whole rupiah. */
export function decimalFromRupiah(amount: bigint): string {
  return amount.toString();
}

/** Exact sum of decimal strings with up to four places (the database's numeric(20,4)). */
export function addDecimals(...values: string[]): string {
  const toUnits = (value: string): bigint => {
    const negative = value.startsWith("-");
    const [whole = "0", fraction = ""] = value.replace(/^-/, "").split(".");
    const units = BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, "0").slice(0, 4));
    return negative ? -units : units;
  };
  const total = values.reduce((sum, v) => sum + toUnits(v), 0n);
  const sign = total < 0n ? "-" : "";
  const abs = total < 0n ? -total : total;
  const fraction = (abs % 10_000n).toString().padStart(4, "0").replace(/0+$/, "");
  return `${sign}${abs / 10_000n}${fraction ? `.${fraction}` : ""}`;
}

/** Exact `a − b` of decimal strings, spelled as `addDecimals` spells a sum. */
export function subtractDecimals(a: string, b: string): string {
  const negated = b.startsWith("-") ? b.slice(1) : `-${b}`;
  return addDecimals(a, negated);
}
