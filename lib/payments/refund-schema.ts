import { z } from "zod";
import { refundMethods, refundReasons } from "@/lib/core/refund-terms";
import { parseRupiahInput } from "@/lib/core/money";
import type { TimeZone } from "@/lib/core/time";
import { isDay, zonedDay } from "@/lib/core/time";

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((v) => (v ? v : null));

/**
 * A refund request as the form sends it; shared by the form and the action. The date
 * is a calendar day in the person's zone, never after today. `other` as a reason needs
 * a note; a bank transfer needs the buyer's bank and account, an e-wallet its number.
 */
export function refundRequestSchema(zone: TimeZone, now = new Date()) {
  return z
    .object({
      amount: z
        .string({ message: "amountRequired" })
        .trim()
        .min(1, "amountRequired")
        .transform((value, ctx) => {
          const parsed = parseRupiahInput(value);
          if (parsed === null || parsed < 1n) {
            ctx.addIssue({ code: "custom", message: "amountFormat" });
            return z.NEVER;
          }
          return parsed;
        }),
      reason: z.enum(refundReasons, { message: "choiceRequired" }),
      note: text(2000),
      method: z.enum(refundMethods, { message: "choiceRequired" }),
      bank: text(100),
      account: text(100),
      refundedOn: z
        .string()
        .refine(isDay, "dateRequired")
        .refine((day) => day <= zonedDay(now, zone), "dateInFuture"),
    })
    .superRefine((input, ctx) => {
      const need = (path: string) =>
        ctx.addIssue({ code: "custom", path: [path], message: "required" });
      if (input.reason === "other" && !input.note) need("note");
      if (input.method === "bank_transfer" && !input.bank) need("bank");
      if ((input.method === "bank_transfer" || input.method === "ewallet") && !input.account)
        need("account");
    });
}

export type RefundRequestInput = z.infer<ReturnType<typeof refundRequestSchema>>;

export const refundDecisionSchema = z.object({
  note: text(2000),
});
