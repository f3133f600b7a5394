import { z } from "zod";
import { paymentLinkMinAmount } from "@/lib/purwantara/contract";
import { parseRupiahInput } from "../money";
import { parseWibDateTime } from "../time";

// Amounts go to Purwantara as a JSON integer: stay far inside exact float range.
const maxAmount = 1_000_000_000_000n;

export const rupiahAmountSchema = (min: number) =>
  z
    .string()
    .trim()
    .min(1, "Enter an amount.")
    .transform((text, ctx) => {
      const amount = parseRupiahInput(text);
      if (amount === null) {
        ctx.addIssue({ code: "custom", message: "Enter whole rupiah, e.g. 150000 or 150.000." });
        return z.NEVER;
      }
      if (amount < BigInt(min) || amount > maxAmount) {
        ctx.addIssue({
          code: "custom",
          message: `The amount must be at least Rp ${min.toLocaleString("id-ID")}.`,
        });
        return z.NEVER;
      }
      return amount;
    });

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters.`)
    .transform((s) => (s === "" ? null : s));

/** The create-payment-link form, shared by the page and the server action. */
export const paymentLinkFormSchema = z.object({
  idempotencyKey: z.uuid("This form is out of date; reload the page."),
  title: z
    .string()
    .trim()
    .min(1, "Enter a title the buyer will see.")
    .max(255, "Keep the title under 255 characters."),
  amount: rupiahAmountSchema(paymentLinkMinAmount),
  description: optionalText(1000, "The description"),
  expiresAt: z
    .string()
    .trim()
    .min(1, "Choose when the link expires.")
    .transform((text, ctx) => {
      const date = parseWibDateTime(text);
      if (!date) {
        ctx.addIssue({ code: "custom", message: "Enter a date and time." });
        return z.NEVER;
      }
      if (date.getTime() < Date.now() + 5 * 60_000) {
        ctx.addIssue({
          code: "custom",
          message: "The expiry must be at least 5 minutes from now.",
        });
        return z.NEVER;
      }
      return date;
    }),
  returnUrl: optionalText(2000, "The return URL").pipe(
    z.union([z.null(), z.url({ protocol: /^https?$/, message: "Enter a full http(s) address." })]),
  ),
});
export type PaymentLinkForm = z.infer<typeof paymentLinkFormSchema>;

/** The gateway's field names mapped to the form's, so its errors land beside the right field. */
export const paymentLinkGatewayFields: Record<string, keyof PaymentLinkForm> = {
  amount: "amount",
  title: "title",
  description: "description",
  expires_at: "expiresAt",
  return_url: "returnUrl",
};
