import { z } from "zod";
import type { CreatableChannel } from "../messages";
import {
  emailSchema,
  indonesianPhoneSchema,
  optionalText,
  requiredText,
  rupiahAmountSchema,
  wholeRupiah,
} from "./fields";
import { defineChannel, type ChannelModule } from "./types";

/**
 * An e-wallet paid on a checkout page (ShopeePay, DANA): the gateway answers a
 * `checkout_url` the buyer opens, then approves in the wallet's app. The form, the
 * row, the answer and the callback are the same for each; only the request differs.
 */

/** [chosen by the emulator] A common gateway floor for e-wallet payments, whole rupiah. */
export const checkoutWalletMinAmount = 1_000;
/** [chosen by the emulator] How long a wallet's checkout stays payable. */
const checkoutLifetimeMs = 10 * 60 * 1000;

export const checkoutWalletFormSchema = () =>
  z.object({
    idempotencyKey: z.uuid("formOutdated"),
    amount: rupiahAmountSchema(checkoutWalletMinAmount),
    customerName: requiredText(255, "required"),
    customerEmail: emailSchema,
    customerPhone: indonesianPhoneSchema,
    description: optionalText(255),
    returnUrl: optionalText(2000).pipe(
      z.union([z.null(), z.url({ protocol: /^https?$/, message: "urlFormat" })]),
    ),
  });
export type CheckoutWalletForm = z.infer<ReturnType<typeof checkoutWalletFormSchema>>;

/**
 * Response `data`: `uuid` [seen]; `checkout_url` [chosen], where the buyer pays.
 * `status` is not known to be sent: a new checkout awaits payment (ACTIVE).
 */
export const checkoutAnswerSchema = z.looseObject({
  uuid: z.string().min(1),
  status: z.string().min(1).nullish(),
  checkout_url: z.string().min(1),
  expired_time: z.string().nullish(),
});

export type CheckoutWalletSpec = {
  channel: CreatableChannel;
  /** The wallet's name in a payment's default title ("ShopeePay · Budi"). */
  label: string;
  /** The `payment_channel` code the request sends. */
  paymentChannel: string;
  /** POST path under /v1/ and body, field names exactly as the contract has them. */
  request(form: CheckoutWalletForm, reference: string): { path: string; body: object };
  /** The gateway's request field names → the form's (ours, like external_id, left out). */
  gatewayFields: Readonly<Record<string, string>>;
};

/** A checkout-page e-wallet channel from what sets it apart. */
export function checkoutWallet(spec: CheckoutWalletSpec): ChannelModule {
  return defineChannel<CheckoutWalletForm>({
    channel: spec.channel,
    minAmount: checkoutWalletMinAmount,
    defaultExpiryMs: checkoutLifetimeMs,
    formSchema: checkoutWalletFormSchema,
    draft: (form) => ({
      title: form.description ?? `${spec.label} · ${form.customerName}`,
      description: form.description,
      paymentChannel: spec.paymentChannel,
      customerName: form.customerName,
      customerEmail: form.customerEmail,
      customerPhone: form.customerPhone,
      returnUrl: form.returnUrl,
    }),
    createRequest: (form, reference) => {
      const { path, body } = spec.request(form, reference);
      return { path, body: { ...body } };
    },
    readCreated: (data) => {
      const parsed = checkoutAnswerSchema.safeParse(data);
      if (!parsed.success) return null;
      const d = parsed.data;
      return { uuid: d.uuid, status: d.status ?? "ACTIVE", facts: { checkoutUrl: d.checkout_url } };
    },
    gatewayFields: spec.gatewayFields,
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
}
