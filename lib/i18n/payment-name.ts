import { paymentNameCode, type PaymentNameCode } from "@/lib/core/payment-names";

/** A root-level translator, from `useTranslations()` or `getTranslations()`. */
type Translate = (key: `paymentName.${PaymentNameCode}`) => string;

/**
 * The name people say for a stored bank or payment-channel code ("qris_doku" →
 * "QRIS (DOKU)", "MANDIRI" → "Mandiri"). A code we do not know is shown as it came: it
 * names a real channel, and hiding it would hide where the money came from.
 */
export function paymentName(t: Translate, value: string): string {
  const code = paymentNameCode(value);
  return code ? t(`paymentName.${code}`) : value;
}
