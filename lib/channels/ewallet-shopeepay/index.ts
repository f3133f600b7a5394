import { z } from "zod";
import {
  emailSchema,
  indonesianPhoneSchema,
  optionalText,
  requiredText,
  rupiahAmountSchema,
  wholeRupiah,
} from "../fields";
import { defineChannel } from "../types";
import { shopeepaySchema, type ShopeepayRequest } from "./gateway";

/** [chosen by the emulator] A common gateway floor for e-wallet payments, whole rupiah. */
export const shopeepayMinAmount = 1_000;
/** [chosen by the emulator] How long the ShopeePay checkout stays payable. */
const shopeepayLifetimeMs = 10 * 60 * 1000;

/** A ShopeePay checkout page the buyer opens and pays in the ShopeePay app [seen]. */
export const shopeepayFormSchema = () =>
  z.object({
    idempotencyKey: z.uuid("formOutdated"),
    amount: rupiahAmountSchema(shopeepayMinAmount),
    customerName: requiredText(255, "required"),
    customerEmail: emailSchema,
    customerPhone: indonesianPhoneSchema,
    description: optionalText(255),
    returnUrl: optionalText(2000).pipe(
      z.union([z.null(), z.url({ protocol: /^https?$/, message: "urlFormat" })]),
    ),
  });
export type ShopeepayForm = z.infer<ReturnType<typeof shopeepayFormSchema>>;

/** "Siti Nur Aisyah" → ["Siti", "Nur Aisyah"]; one word leaves the last name empty. */
function splitName(name: string): [first: string, last: string] {
  const [first = "", ...rest] = name.trim().split(/\s+/);
  return [first, rest.join(" ")];
}

export const ewalletShopeepay = defineChannel<ShopeepayForm>({
  channel: "ewallet-shopeepay",
  minAmount: shopeepayMinAmount,
  defaultExpiryMs: shopeepayLifetimeMs,
  formSchema: shopeepayFormSchema,
  draft: (form) => ({
    title: form.description ?? `ShopeePay · ${form.customerName}`,
    description: form.description,
    paymentChannel: "shopee_pay",
    customerName: form.customerName,
    customerEmail: form.customerEmail,
    customerPhone: form.customerPhone,
    returnUrl: form.returnUrl,
  }),
  createRequest: (form, reference) => {
    const [first, last] = splitName(form.customerName);
    const body: ShopeepayRequest = {
      amount: Number(form.amount),
      ...(form.description ? { transaction_description: form.description } : {}),
      customer_email: form.customerEmail,
      customer_first_name: first,
      customer_last_name: last,
      customer_phone: form.customerPhone,
      payment_channel: "shopee_pay",
      external_id: reference,
      ...(form.returnUrl ? { return_url: form.returnUrl } : {}),
    };
    return { path: "ewallet/shopeepay", body };
  },
  readCreated: (data) => {
    const parsed = shopeepaySchema.safeParse(data);
    if (!parsed.success) return null;
    const d = parsed.data;
    return { uuid: d.uuid, status: d.status ?? "ACTIVE", facts: { checkoutUrl: d.checkout_url } };
  },
  // external_id and payment_channel are ours, not the form's: their errors go to the form.
  gatewayFields: {
    amount: "amount",
    transaction_description: "description",
    customer_email: "customerEmail",
    customer_first_name: "customerName",
    customer_last_name: "customerName",
    customer_phone: "customerPhone",
    return_url: "returnUrl",
  },
  prefill: (row) => ({
    amount: wholeRupiah(row.amount),
    customerName: row.customerName ?? "",
    customerEmail: row.customerEmail ?? "",
    customerPhone: row.customerPhone ?? "",
    description: row.description ?? "",
    returnUrl: row.returnUrl ?? "",
  }),
  // [seen] no inquiry endpoint for e-wallets.
  callbackFacts: (p) =>
    typeof p.checkout_url === "string" && p.checkout_url !== ""
      ? { checkoutUrl: p.checkout_url }
      : {},
});
