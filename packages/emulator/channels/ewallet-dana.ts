import { toPurwantaraTime } from "../format";
import type { Fields, JsonObject } from "../http";
import type { Transaction } from "../types";
import { amountField, checked, FieldErrors, stringField, urlField } from "../validation";
import { emailField, enumField, phoneField } from "../validation-formats";
import { createHandler, extra, newTransaction, walletViews } from "./kit";
import type { ApiContext, ProductModule } from "./types";

/** [chosen] A common gateway floor for e-wallet payments, whole rupiah. */
const minAmount = 1_000;
/** [chosen] How long the DANA checkout stays payable. */
const lifetimeMs = 10 * 60 * 1000;
/** [chosen, like ShopeePay] Where the buyer approves the payment: `checkout_url`. */
const sharePrefix = "/share/dana";

/** POST ewallet/dana [seen: the staff uptime bot's fields]. */
function validate(fields: Fields) {
  const errors = new FieldErrors();
  const input = {
    amount: amountField(fields, "amount", errors, minAmount),
    description: stringField(fields, "description", errors, { max: 255 }),
    email: emailField(fields, "customer_email", errors),
    phone: phoneField(fields, "customer_phone", errors),
    channel: enumField(fields, "payment_channel", errors, ["wallet_dana"], { required: true }),
    externalId: stringField(fields, "external_id", errors, { required: true, max: 255 }),
    merchantTrxId: stringField(fields, "merchant_trx_id", errors, { max: 255 }),
    payReturn: urlField(fields, "pay_return", errors),
  };
  return checked(errors, input, ["amount", "channel", "externalId"]);
}

type Input = Exclude<ReturnType<typeof validate>, FieldErrors>;

function build(ctx: ApiContext, input: Input): Transaction {
  return newTransaction(ctx, {
    product: "ewallet-dana",
    externalId: input.externalId,
    amount: input.amount,
    title: input.description ?? `DANA ${input.externalId}`,
    description: input.description,
    expiresAt: null,
    lifetimeMs,
    // [chosen] event.channel for DANA payments.
    channel: "DANA",
    customerPhone: input.phone,
    extra: (uuid) => ({
      payment_channel: input.channel,
      customer_email: input.email,
      customer_phone: input.phone,
      merchant_trx_id: input.merchantTrxId,
      pay_return: input.payReturn,
      checkout_url: `${ctx.publicUrl()}${sharePrefix}/${uuid}`,
    }),
  });
}

/** [seen] `uuid`; [chosen] `status` and the page to send the buyer to. */
function created(tx: Transaction): JsonObject {
  return { uuid: tx.uuid, status: tx.status, checkout_url: extra(tx, "checkout_url") };
}

function details(tx: Transaction): JsonObject {
  return {
    payment_channel: extra(tx, "payment_channel"),
    description: tx.description,
    customer_phone: extra(tx, "customer_phone"),
    customer_email: extra(tx, "customer_email"),
    merchant_trx_id: extra(tx, "merchant_trx_id"),
    pay_return: extra(tx, "pay_return"),
    checkout_url: extra(tx, "checkout_url"),
    created_at: toPurwantaraTime(tx.createdAt),
  };
}

export const ewalletDana: ProductModule = {
  product: "ewallet-dana",
  label: "DANA",
  channels: [{ code: "wallet_dana", name: "DANA" }],
  routes: [
    {
      method: "POST",
      pattern: /^ewallet\/dana$/,
      handler: createHandler({
        product: "ewallet-dana",
        referenceField: "external_id",
        validate,
        build,
        respond: created,
      }),
    },
  ],
  ...walletViews(details),
  hostedPagePrefix: sharePrefix,
};
