import { z } from "zod";
import { qrisAcquirerCodes } from "@/lib/core/payment-names";
import { optionalText } from "@/lib/purwantara/schemas";

/** [seen] The QRIS acquirers, as `payment_channel` codes. */
export const qrisAcquirers = qrisAcquirerCodes;
export type QrisAcquirer = (typeof qrisAcquirers)[number];

/** [chosen by the emulator] A common gateway floor, and Bank Indonesia's per-payment cap. */
export const qrisMinAmount = 1_000;
export const qrisMaxAmount = 10_000_000n;

/** POST qris [seen]. Note: `order_id`, not `external_id`; no expiry is sent. */
export type QrisRequest = {
  amount: number;
  transaction_description?: string;
  customer_email: string;
  customer_first_name: string;
  customer_last_name: string;
  customer_phone: string;
  payment_channel: QrisAcquirer;
  payment_method: "wallet";
  order_id: string;
  merchant_trx_id: string;
};

/** Response `data` for QRIS [seen]; extra fields are kept for the record. */
export const qrisSchema = z.looseObject({
  uuid: z.string().min(1),
  external_id: optionalText,
  qr_string: z.string().min(1),
  // A remote image; never shown: the QR is drawn here from `qr_string`.
  qr_url: optionalText,
  expired_time: optionalText,
  status: z.string().min(1),
  payment_channel: optionalText,
});
export type QrisData = z.infer<typeof qrisSchema>;
