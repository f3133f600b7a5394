import { z } from "zod";
import { moneySchema, optionalText } from "@/lib/purwantara/schemas";

/** POST payment-link [seen]. Note: `expires_at` here, `expired_at` on other channels. */
export type PaymentLinkRequest = {
  amount: number;
  title: string;
  description: string;
  expires_at: string;
  external_id: string;
  return_url?: string;
};

/** Response `data` for payment links [seen]; extra fields are kept for the record. */
export const paymentLinkSchema = z.looseObject({
  uuid: z.string().min(1),
  external_id: optionalText,
  amount: moneySchema.optional(),
  title: optionalText,
  status: z.string().min(1),
  expires_at: optionalText,
  return_url: optionalText,
  payment_link_url: z.string().min(1),
});
export type PaymentLinkData = z.infer<typeof paymentLinkSchema>;
