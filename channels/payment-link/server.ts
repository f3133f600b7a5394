import { z } from "zod";
import { paymentLinkMinAmount } from "@purwantara/contract";
import { toZonedIso, type TimeZone } from "@/lib/core/time";
import {
  futureDateTimeSchema,
  optionalText,
  requiredText,
  rupiahAmountSchema,
  wholeRupiah,
} from "../shared/fields";
import { defineChannel } from "../shared/types";
import { paymentLinkSchema, type PaymentLinkRequest } from "./gateway";

/** A hosted checkout page where the buyer picks how to pay [seen]. */
export const paymentLinkFormSchema = (zone: TimeZone) =>
  z.object({
    idempotencyKey: z.uuid("formOutdated"),
    title: requiredText(255, "titleRequired"),
    amount: rupiahAmountSchema(paymentLinkMinAmount),
    description: optionalText(1000),
    expiresAt: futureDateTimeSchema(zone),
    returnUrl: optionalText(2000).pipe(
      z.union([z.null(), z.url({ protocol: /^https?$/, message: "urlFormat" })]),
    ),
  });
export type PaymentLinkForm = z.infer<ReturnType<typeof paymentLinkFormSchema>>;

export const paymentLink = defineChannel<PaymentLinkForm>({
  channel: "payment-link",
  minAmount: paymentLinkMinAmount,
  defaultExpiryMs: 24 * 60 * 60 * 1000,
  formSchema: paymentLinkFormSchema,
  draft: (form) => ({
    title: form.title,
    description: form.description,
    returnUrl: form.returnUrl,
    expiresAt: form.expiresAt,
  }),
  createRequest: (form, reference) => {
    const body: PaymentLinkRequest = {
      amount: Number(form.amount),
      title: form.title,
      description: form.description ?? form.title,
      expires_at: toZonedIso(form.expiresAt),
      external_id: reference,
      ...(form.returnUrl ? { return_url: form.returnUrl } : {}),
    };
    return { path: "payment-link", body };
  },
  readCreated: (data) => {
    const parsed = paymentLinkSchema.safeParse(data);
    if (!parsed.success) return null;
    const d = parsed.data;
    return {
      uuid: d.uuid,
      status: d.status,
      facts: {
        paymentLinkUrl: d.payment_link_url,
        ...(d.expires_at ? { expiresAt: new Date(d.expires_at) } : {}),
      },
    };
  },
  gatewayFields: {
    amount: "amount",
    title: "title",
    description: "description",
    expires_at: "expiresAt",
    return_url: "returnUrl",
  },
  prefill: (row) => ({
    title: row.title ?? "",
    amount: wholeRupiah(row.amount),
    description: row.description ?? "",
    returnUrl: row.returnUrl ?? "",
  }),
  // [seen] no `inquiry/` segment for payment links.
  inquiryPath: (uuid) => `payment-link/${encodeURIComponent(uuid)}`,
  callbackFacts: (p) => (p.payment_link_url ? { paymentLinkUrl: p.payment_link_url } : {}),
});
