/**
 * The names a payment's bank or payment channel goes by, folded to one key per method.
 * Purwantara spells one method several ways: a QRIS code we create says `qris_doku`,
 * the same QRIS paid through a payment link says `QRIS`; ShopeePay is `shopee_pay` or
 * `SHOPEEPAY`. A key is the name's letters and digits in upper case, then its alias.
 * The overview groups by key and the list's `bank=` finds every spelling of a key, so
 * one method is one row whose figure is its link's totals.
 */
import { bare } from "./payment-names";

/** Bare spellings (letters and digits, upper case) of one method, beside its key. */
const aliases: Record<string, string> = {
  QRISDOKU: "QRIS",
  QRISDANA: "QRIS",
  QRISSHOPEEPAY: "QRIS",
  WALLETDANA: "DANA",
};

/** The method key of a bank or payment-channel name ("qris_doku" → "QRIS"). */
export function paymentMethodKey(name: string): string {
  const folded = bare(name);
  return aliases[folded] ?? folded;
}

/** Every bare spelling whose key is `key`'s (for the list's `bank=` filter). */
export function paymentMethodSpellings(key: string): string[] {
  const wanted = paymentMethodKey(key);
  return [wanted, ...Object.keys(aliases).filter((a) => aliases[a] === wanted)];
}

/** The distinct method keys of a row's bank and payment channel (it counts under each). */
export function paymentMethodKeys(row: {
  bank: string | null;
  paymentChannel: string | null;
}): string[] {
  const names = [row.bank, row.paymentChannel].filter((n): n is string => !!n && bare(n) !== "");
  return [...new Set(names.map(paymentMethodKey))];
}
