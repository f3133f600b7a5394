import { z } from "zod";
import { callbackTime } from "@purwantara/contract/callback";
import {
  emailSchema,
  indonesianPhoneSchema,
  optionalText,
  requiredText,
  rupiahAmountSchema,
  wholeRupiah,
} from "../shared/fields";
import { defineChannel } from "../shared/types";
import {
  qrisAcquirers,
  qrisMaxAmount,
  qrisMinAmount,
  qrisSchema,
  type QrisRequest,
} from "./gateway";

/** [chosen by the emulator] How long a dynamic QR stays payable; the gateway says when. */
const qrisLifetimeMs = 30 * 60 * 1000;

/** A dynamic QR for one payment, paid from any QRIS app [seen]. */
export const qrisFormSchema = () =>
  z.object({
    idempotencyKey: z.uuid("formOutdated"),
    paymentChannel: z
      .string()
      .trim()
      .min(1, "choiceRequired")
      .pipe(z.enum(qrisAcquirers, "invalidChoice")),
    amount: rupiahAmountSchema(qrisMinAmount, qrisMaxAmount),
    description: optionalText(255),
    customerName: requiredText(255, "required"),
    customerEmail: emailSchema,
    customerPhone: indonesianPhoneSchema,
  });
export type QrisForm = z.infer<ReturnType<typeof qrisFormSchema>>;

/** "Siti Nur Aisyah" → ["Siti", "Nur Aisyah"]; one word leaves the last name empty. */
export function splitName(name: string): [first: string, last: string] {
  const [first = "", ...rest] = name.trim().split(/\s+/);
  return [first, rest.join(" ")];
}

/** A text callback field, or nothing when absent or odd. */
const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

export const qris = defineChannel<QrisForm>({
  channel: "qris",
  minAmount: qrisMinAmount,
  defaultExpiryMs: qrisLifetimeMs,
  formSchema: qrisFormSchema,
  draft: (form) => ({
    title: form.description ?? `QRIS · ${form.customerName}`,
    description: form.description,
    paymentChannel: form.paymentChannel,
    customerName: form.customerName,
    customerEmail: form.customerEmail,
    customerPhone: form.customerPhone,
  }),
  createRequest: (form, reference) => {
    const [first, last] = splitName(form.customerName);
    const body: QrisRequest = {
      amount: Number(form.amount),
      ...(form.description ? { transaction_description: form.description } : {}),
      customer_email: form.customerEmail,
      customer_first_name: first,
      customer_last_name: last,
      customer_phone: form.customerPhone,
      payment_channel: form.paymentChannel,
      payment_method: "wallet",
      order_id: reference,
      merchant_trx_id: reference,
    };
    return { path: "qris", body };
  },
  readCreated: (data) => {
    const parsed = qrisSchema.safeParse(data);
    if (!parsed.success) return null;
    const d = parsed.data;
    const expiresAt = callbackTime(d.expired_time);
    return {
      uuid: d.uuid,
      status: d.status,
      facts: {
        qrString: d.qr_string,
        ...(expiresAt ? { expiresAt } : {}),
        ...(d.payment_channel ? { paymentChannel: d.payment_channel } : {}),
      },
    };
  },
  // order_id, merchant_trx_id and payment_method are ours, not the form's: their errors go to the form.
  gatewayFields: {
    amount: "amount",
    transaction_description: "description",
    customer_email: "customerEmail",
    customer_first_name: "customerName",
    customer_last_name: "customerName",
    customer_phone: "customerPhone",
    payment_channel: "paymentChannel",
  },
  prefill: (row) => ({
    paymentChannel: qrisAcquirers.find((code) => code === row.paymentChannel) ?? qrisAcquirers[0],
    amount: wholeRupiah(row.amount),
    description: row.description ?? "",
    customerName: row.customerName ?? "",
    customerEmail: row.customerEmail ?? "",
    customerPhone: row.customerPhone ?? "",
  }),
  inquiryPath: (uuid) => `qris/inquiry/${encodeURIComponent(uuid)}`,
  // [seen] qris/list: finds a QRIS whose create answer never came, by order_id (external_id).
  listPath: "qris/list",
  callbackFacts: (p) => {
    const qrString = text(p.qr_string);
    const paymentChannel = text(p.payment_channel);
    return {
      ...(qrString ? { qrString } : {}),
      ...(paymentChannel ? { paymentChannel } : {}),
    };
  },
});
