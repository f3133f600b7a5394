/**
 * What a search text names besides words: an amount of rupiah, or an identifier typed
 * with spaces or dashes. Pure: the list's SQL (db/queries/transaction-filter.ts) asks it.
 */

const multipliers: Record<string, bigint> = {
  "": 1n,
  rb: 1_000n,
  ribu: 1_000n,
  k: 1_000n,
  jt: 1_000_000n,
  juta: 1_000_000n,
};

/** "150.000", "150,000", "150000", "18.000,50", "1,5jt", "1.5 juta" → whole part and decimals. */
function splitNumber(number: string, scaled: boolean): [string, string] | null {
  const dots = (number.match(/\./g) ?? []).length;
  const commas = (number.match(/,/g) ?? []).length;
  if (dots && commas) {
    // Both marks: the last one is the decimal mark, the other groups thousands.
    const decimal = number.lastIndexOf(".") > number.lastIndexOf(",") ? "." : ",";
    const group = decimal === "." ? "," : ".";
    const [whole = "", fraction = "", extra] = number.split(decimal);
    if (extra !== undefined || !/^\d{1,3}(\d{3})*$/.test(whole.split(group).join(""))) return null;
    if (!new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(whole)) return null;
    return [whole.split(group).join(""), fraction];
  }
  const mark = dots ? "." : commas ? "," : null;
  if (!mark) return [number, ""];
  // One mark followed by groups of three digits groups thousands (unless a multiplier
  // follows: "1.500jt" is still thousands, "1,5jt" is a decimal).
  const grouped = new RegExp(`^\\d{1,3}(\\${mark}\\d{3})+$`).test(number);
  if (grouped && !(scaled && (dots || commas) === 1 && number.split(mark)[1]!.length !== 3))
    return [number.split(mark).join(""), ""];
  const parts = number.split(mark);
  return parts.length === 2 ? [parts[0]!, parts[1]!] : null;
}

/**
 * The amount a search text names, as the database's decimal text ("150000", "18000.5"),
 * or null. Reads "150.000", "Rp150.000", "Rp 150.000,00", "150000", "150rb", "150 ribu",
 * "1,5jt", "IDR 2.500.000".
 */
export function searchedAmount(text: string): string | null {
  const folded = text
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/^(rp\.?|idr)/, "");
  const match = /^(\d[\d.,]*)(rb|ribu|k|jt|juta)?$/.exec(folded);
  if (!match) return null;
  const suffix = match[2] ?? "";
  const split = splitNumber(match[1]!, suffix !== "");
  if (!split) return null;
  const [whole, fraction] = split;
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction) || fraction.length > 4) return null;
  const scale = multipliers[suffix]!;
  const units = (BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, "0") || "0")) * scale;
  if (units === 0n) return null;
  const rest = (units % 10_000n).toString().padStart(4, "0").replace(/0+$/, "");
  return `${units / 10_000n}${rest ? `.${rest}` : ""}`;
}

/**
 * An identifier typed in groups ("7001 2954 4513 5468", "0001-2345-6789") as stored,
 * or null when the text has no such separators or is not letters and digits.
 */
export function compactIdentifier(text: string): string | null {
  const compact = text.replace(/[\s-]/g, "");
  return compact !== text.trim() && /^[0-9A-Za-z]{4,}$/.test(compact) ? compact : null;
}
