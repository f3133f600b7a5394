/**
 * The codes Purwantara uses for banks and payment channels, said once. Rows store the
 * code as it came; the screen shows the name people say (catalogue: `paymentName.<code>`).
 * A code not listed here (a new channel behind a payment link) is shown as it came.
 */

import { bankCodes, qrisAcquirerCodes } from "@purwantara/contract/channels";

// The banks and QRIS acquirers are the gateway's codes (the contract package).
export { bankCodes, qrisAcquirerCodes, type BankCode } from "@purwantara/contract/channels";

/** Every code with a name: banks, QRIS acquirers, e-wallets and the counter. */
export const paymentNameCodes = [
  ...bankCodes,
  ...qrisAcquirerCodes,
  "OVO",
  "shopee_pay",
  "wallet_dana",
  "Alfamart",
] as const;
export type PaymentNameCode = (typeof paymentNameCodes)[number];

/** A name's letters and digits in upper case: how two spellings of one code compare. */
export const bare = (name: string) => name.replace(/[^a-z0-9]/gi, "").toUpperCase();

/**
 * The listed code a stored value names: exactly, or spelled another way ("mandiri",
 * "SHOPEEPAY" → shopee_pay). The QRIS acquirer codes match only exactly: we send them
 * ourselves, and their bare spellings are other methods' ("shopeepay" is not ShopeePay).
 */
export function paymentNameCode(value: string | null | undefined): PaymentNameCode | null {
  if (!value) return null;
  const exact = paymentNameCodes.find((code) => code === value.trim());
  if (exact) return exact;
  const wanted = bare(value);
  const acquirers: readonly string[] = qrisAcquirerCodes;
  return (
    paymentNameCodes.find((code) => !acquirers.includes(code) && bare(code) === wanted) ?? null
  );
}
