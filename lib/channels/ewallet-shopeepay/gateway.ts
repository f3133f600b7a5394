import { z } from "zod";
import { optionalText } from "@/lib/purwantara/schemas";

/** POST ewallet/shopeepay [seen]. */
export type ShopeepayRequest = {
  amount: number;
  transaction_description?: string;
  customer_email: string;
  customer_first_name: string;
  customer_last_name: string;
  customer_phone: string;
  payment_channel: "shopee_pay";
  external_id: string;
  return_url?: string;
};

/**
 * Response `data` for ShopeePay: `uuid` [seen]; `checkout_url` [chosen], where the
 * buyer pays. `status` is not known to be sent: a new checkout awaits payment (ACTIVE).
 */
export const shopeepaySchema = z.looseObject({
  uuid: z.string().min(1),
  status: z.string().min(1).nullish(),
  checkout_url: z.string().min(1),
  expired_time: optionalText,
});
export type ShopeepayData = z.infer<typeof shopeepaySchema>;
