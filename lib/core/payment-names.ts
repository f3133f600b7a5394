/**
 * The codes Purwantara uses for banks and payment channels, said once. Rows store the
 * code as it came; the screen shows the name people say (catalogue: `paymentName.<code>`).
 * A code not listed here (a new channel behind a payment link) is shown as it came.
 */

/** The banks that issue Purwantara virtual accounts [seen], in the contract's order. */
export const bankCodes = [
  "CIMB",
  "PERMATA",
  "MANDIRI",
  "BSI",
  "BCA",
  "BNI",
  "BRI",
  "DANAMON",
] as const;
export type BankCode = (typeof bankCodes)[number];

/** [seen] The QRIS acquirers, as `payment_channel` codes. */
export const qrisAcquirerCodes = ["qris_doku", "shopeepay", "qrisdana"] as const;

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
