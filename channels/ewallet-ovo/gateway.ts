import { z } from "zod";
import { optionalText } from "@/lib/purwantara/schemas";

/** POST ewallet/ovo [seen]: a push to the customer's OVO app. */
export type OvoRequest = {
  amount: number;
  customer_phone: string;
  customer_email?: string;
  payment_channel: "OVO";
  external_id: string;
  description?: string;
};

/**
 * Response `data` for OVO: `uuid` [seen]; `status` and `customer_phone` [chosen], so
 * an answer without them is still read (a new push is awaiting approval: ACTIVE).
 */
export const ovoSchema = z.looseObject({
  uuid: z.string().min(1),
  status: z.string().min(1).nullish(),
  customer_phone: optionalText,
});
export type OvoData = z.infer<typeof ovoSchema>;
