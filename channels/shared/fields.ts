import { z } from "zod";
import { parseRupiahInput } from "@/lib/core/money";
import { parseZonedDateTime, type TimeZone } from "@/lib/core/time";

// Field schemas every channel's form shares. Messages are keys of the `validation`
// catalogue (lib/i18n/server.ts translates them).

/** Amounts go to Purwantara as a JSON integer: a sane ceiling far inside exact float range. */
export const maxAmount = 1_000_000_000_000n;

/** Whole rupiah as people type it ("150.000", "150000", "Rp 150.000"), within limits. */
export const rupiahAmountSchema = (min: number, max: bigint = maxAmount) =>
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
      if (amount > max) {
        ctx.addIssue({ code: "custom", message: "amountTooLarge", params: { max } });
        return z.NEVER;
      }
      return amount;
    });

export const requiredText = (max: number, missing: string) =>
  z.string().trim().min(1, missing).max(max, "tooLong");

/** Empty becomes null. */
export const optionalText = (max: number) =>
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

/**
 * An Indonesian mobile number as people write it (08…, +62…, 62…, spaces and dashes
 * allowed), kept in the 08… form the gateway's examples use.
 */
export const indonesianPhoneSchema = z
  .string()
  .trim()
  .min(1, "phoneRequired")
  .transform((text, ctx) => {
    const digits = text.replace(/[\s().-]/g, "");
    const match = /^(?:\+?62|0)(8\d{7,12})$/.exec(digits);
    if (!match) {
      ctx.addIssue({ code: "custom", message: "phoneFormat" });
      return z.NEVER;
    }
    return `0${match[1]}`;
  });

export const emailSchema = z
  .string()
  .trim()
  .min(1, "emailRequired")
  .max(254, "tooLong")
  .pipe(z.email("email"));

export const optionalEmailSchema = z
  .string()
  .trim()
  .max(254, "tooLong")
  .transform((s) => (s === "" ? null : s))
  .pipe(z.union([z.null(), z.email("email")]));

/** A stored amount ("75000.0000") as the form's text ("75000"). */
export function wholeRupiah(decimal: string): string {
  return decimal.split(".")[0] ?? "";
}
