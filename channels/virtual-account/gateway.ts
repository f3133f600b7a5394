import { z } from "zod";
import { bankCodes, type BankCode } from "@/lib/core/payment-names";
import { moneySchema, optionalText } from "@/lib/purwantara/schemas";

/** The banks that issue Purwantara virtual accounts [seen], in the contract's order. */
export const vaBanks = bankCodes;
export type VaBank = BankCode;

/** POST virtual-account [seen]. Note: `expected_amount` and `expired_at` on this channel. */
export type VirtualAccountRequest = {
  expected_amount: number;
  name: string;
  bank: VaBank;
  description: string;
  expired_at: string;
  external_id: string;
  merchant_trx_id: string;
  /** Optional custom VA suffix; we let the bank choose. */
  payment_code: null;
};

/** Response `data` for virtual accounts [seen]; `bank` only on inquiry. Money is strings. */
export const virtualAccountSchema = z.looseObject({
  uuid: z.string().min(1),
  external_id: optionalText,
  name: optionalText,
  amount: moneySchema.optional(),
  fee: moneySchema.nullable().optional(),
  total: moneySchema.nullable().optional(),
  fee_charged_to: optionalText,
  va_number: z.string().min(1),
  description: optionalText,
  expired_at: optionalText,
  payment_code: optionalText,
  status: z.string().min(1),
  bank: optionalText,
});
export type VirtualAccountData = z.infer<typeof virtualAccountSchema>;
