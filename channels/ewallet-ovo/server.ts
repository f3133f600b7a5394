import { z } from "zod";
import {
  indonesianPhoneSchema,
  optionalEmailSchema,
  optionalText,
  rupiahAmountSchema,
  wholeRupiah,
} from "../shared/fields";
import { defineChannel } from "../shared/types";
import { ovoSchema, type OvoRequest } from "./gateway";

/** [chosen by the emulator] A common gateway floor for e-wallet payments, whole rupiah. */
export const ovoMinAmount = 1_000;
/** [chosen by the emulator] How long the push waits for the buyer's approval. */
const ovoLifetimeMs = 10 * 60 * 1000;

/** A payment request pushed to the buyer's OVO app, approved there [seen]. */
export const ovoFormSchema = () =>
  z.object({
    idempotencyKey: z.uuid("formOutdated"),
    amount: rupiahAmountSchema(ovoMinAmount),
    customerPhone: indonesianPhoneSchema,
    customerEmail: optionalEmailSchema,
    description: optionalText(255),
  });
export type OvoForm = z.infer<ReturnType<typeof ovoFormSchema>>;

export const ewalletOvo = defineChannel<OvoForm>({
  channel: "ewallet-ovo",
  minAmount: ovoMinAmount,
  defaultExpiryMs: ovoLifetimeMs,
  formSchema: ovoFormSchema,
  draft: (form) => ({
    title: form.description ?? `OVO · ${form.customerPhone}`,
    description: form.description,
    paymentChannel: "OVO",
    customerEmail: form.customerEmail,
    customerPhone: form.customerPhone,
  }),
  createRequest: (form, reference) => {
    const body: OvoRequest = {
      amount: Number(form.amount),
      customer_phone: form.customerPhone,
      ...(form.customerEmail ? { customer_email: form.customerEmail } : {}),
      payment_channel: "OVO",
      external_id: reference,
      ...(form.description ? { description: form.description } : {}),
    };
    return { path: "ewallet/ovo", body };
  },
  readCreated: (data) => {
    const parsed = ovoSchema.safeParse(data);
    if (!parsed.success) return null;
    const d = parsed.data;
    return {
      uuid: d.uuid,
      status: d.status ?? "ACTIVE",
      facts: d.customer_phone ? { customerPhone: d.customer_phone } : {},
    };
  },
  // external_id and payment_channel are ours, not the form's: their errors go to the form.
  gatewayFields: {
    amount: "amount",
    customer_phone: "customerPhone",
    customer_email: "customerEmail",
    description: "description",
  },
  prefill: (row) => ({
    amount: wholeRupiah(row.amount),
    customerPhone: row.customerPhone ?? "",
    customerEmail: row.customerEmail ?? "",
    description: row.description ?? "",
  }),
  // [seen] no inquiry endpoint for e-wallets.
  // The paying channel comes from event.channel, which the callback flow reads itself.
  callbackFacts: () => ({}),
});
