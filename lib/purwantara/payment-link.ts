import { z } from "zod";

/** Money arrives as a number or a decimal string; kept as the exact string. */
export const moneySchema = z
  .union([z.string().regex(/^-?\d+(\.\d+)?$/), z.number()])
  .transform(String);

export type CreatePaymentLinkRequest = {
  amount: number;
  title: string;
  description: string;
  /** ISO-8601 with offset. Note: `expires_at` here, `expired_at` on other channels. */
  expires_at: string;
  external_id: string;
  return_url?: string;
};

/** Response `data` for payment links [seen]; extra fields are kept for the record. */
export const paymentLinkSchema = z.looseObject({
  uuid: z.string().min(1),
  external_id: z.string().nullable().optional(),
  amount: moneySchema.optional(),
  title: z.string().nullable().optional(),
  status: z.string().min(1),
  expires_at: z.string().nullable().optional(),
  return_url: z.string().nullable().optional(),
  payment_link_url: z.string().min(1),
});
export type PaymentLinkData = z.infer<typeof paymentLinkSchema>;
