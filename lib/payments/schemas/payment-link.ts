import { z } from "zod";
import { paymentLinkMinAmount } from "@/lib/purwantara/contract";
import { parseRupiahInput } from "@/lib/money";
import { parseZonedDateTime, type TimeZone } from "@/lib/time";

// Messages are keys of the `validation` catalogue (lib/i18n/server.ts translates them).

// Amounts go to Purwantara as a JSON integer: stay far inside exact float range.
const maxAmount = 1_000_000_000_000n;

export const rupiahAmountSchema = (min: number) =>
  z
    .string()
    .trim()
    .min(1, "amountRequired")
    .transform((text, ctx) => {
      const amount = parseRupiahInput(text);
      if (amount === null) {
        ctx.addIssue({ code: "custom", message: "amountFormat" });
        return z.NEVER;
      }
      if (amount < BigInt(min)) {
        ctx.addIssue({ code: "custom", message: "amountTooSmall", params: { min: BigInt(min) } });
        return z.NEVER;
      }
      if (amount > maxAmount) {
        ctx.addIssue({ code: "custom", message: "amountTooLarge", params: { max: maxAmount } });
        return z.NEVER;
      }
      return amount;
    });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .transform((s) => (s === "" ? null : s));

/** A wall-clock time typed in the person's zone, at least five minutes ahead. */
export const futureDateTimeSchema = (zone: TimeZone) =>
  z
    .string()
    .trim()
    .min(1, "dateTimeRequired")
    .transform((text, ctx) => {
      const date = parseZonedDateTime(text, zone);
      if (!date) {
        ctx.addIssue({ code: "custom", message: "dateTimeFormat" });
        return z.NEVER;
      }
      if (date.getTime() < Date.now() + 5 * 60_000) {
        ctx.addIssue({ code: "custom", message: "expiryTooSoon" });
        return z.NEVER;
      }
      return date;
    });

/** The create-payment-link form, shared by the page and the server action. */
export const paymentLinkFormSchema = (zone: TimeZone) =>
  z.object({
    idempotencyKey: z.uuid("formOutdated"),
    title: z.string().trim().min(1, "titleRequired").max(255, "tooLong"),
    amount: rupiahAmountSchema(paymentLinkMinAmount),
    description: optionalText(1000),
    expiresAt: futureDateTimeSchema(zone),
    returnUrl: optionalText(2000).pipe(
      z.union([z.null(), z.url({ protocol: /^https?$/, message: "urlFormat" })]),
    ),
  });
export type PaymentLinkForm = z.infer<ReturnType<typeof paymentLinkFormSchema>>;

/** The gateway's field names mapped to the form's, so its errors land beside the right field. */
export const paymentLinkGatewayFields: Record<string, keyof PaymentLinkForm> = {
  amount: "amount",
  title: "title",
  description: "description",
  expires_at: "expiresAt",
  return_url: "returnUrl",
};
