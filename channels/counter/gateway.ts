import { z } from "zod";
import { moneySchema, optionalText } from "@/lib/purwantara/schemas";

/** The only counter channel seen [seen]. */
export const counterChannel = "Alfamart";

/** POST counter [seen]. Note: `expected_amount` and `expired_at` on this channel. */
export type CounterRequest = {
  expected_amount: number;
  name: string;
  description: string;
  expired_at: string;
  external_id: string;
  merchant_trx_id: string;
  payment_channel: typeof counterChannel;
};

/**
 * Response `data` for counter payments: only `uuid` is seen; `payment_code` and
 * `payment_channel` are [chosen]. The create answer carries no status (the inquiry does).
 */
export const counterSchema = z.looseObject({
  uuid: z.string().min(1),
  payment_code: z.string().min(1),
  payment_channel: optionalText,
  status: z.string().min(1).optional(),
  external_id: optionalText,
  amount: moneySchema.optional(),
  expired_at: optionalText,
});
export type CounterData = z.infer<typeof counterSchema>;
