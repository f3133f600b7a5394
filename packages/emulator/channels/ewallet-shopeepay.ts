import { toPurwantaraTime } from "../format";
import type { Fields, JsonObject } from "../http";
import type { Transaction } from "../types";
import { amountField, checked, FieldErrors, stringField, urlField } from "../validation";
import { emailField, enumField, phoneField } from "../validation-formats";
import { createHandler, extra, newTransaction, walletViews } from "./kit";
import type { ApiContext, ProductModule } from "./types";

/** [chosen] A common gateway floor for e-wallet payments, whole rupiah. */
const minAmount = 1_000;
/** [chosen] How long the ShopeePay checkout stays payable. */
const lifetimeMs = 10 * 60 * 1000;
/** [chosen] Where the buyer pays: `checkout_url`. */
const sharePrefix = "/share/shopeepay";

function validate(fields: Fields) {
  const errors = new FieldErrors();
  const input = {
    amount: amountField(fields, "amount", errors, minAmount),
    description: stringField(fields, "transaction_description", errors, { max: 255 }),
    email: emailField(fields, "customer_email", errors),
    firstName: stringField(fields, "customer_first_name", errors, { max: 255 }),
    lastName: stringField(fields, "customer_last_name", errors, { max: 255 }),
    phone: phoneField(fields, "customer_phone", errors),
    channel: enumField(fields, "payment_channel", errors, ["shopee_pay"], { required: true }),
    externalId: stringField(fields, "external_id", errors, { required: true, max: 255 }),
    returnUrl: urlField(fields, "return_url", errors),
  };
  return checked(errors, input, ["amount", "channel", "externalId"]);
}

type Input = Exclude<ReturnType<typeof validate>, FieldErrors>;

function build(ctx: ApiContext, input: Input): Transaction {
  return newTransaction(ctx, {
    product: "ewallet-shopeepay",
    externalId: input.externalId,
    amount: input.amount,
    title: input.description ?? `ShopeePay ${input.externalId}`,
    description: input.description,
    expiresAt: null,
    lifetimeMs,
    // [chosen] event.channel for ShopeePay payments.
    channel: "SHOPEEPAY",
    customerPhone: input.phone,
    extra: (uuid) => ({
      payment_channel: input.channel,
      customer_email: input.email,
      customer_first_name: input.firstName,
      customer_last_name: input.lastName,
      customer_phone: input.phone,
      return_url: input.returnUrl,
      checkout_url: `${ctx.publicUrl()}${sharePrefix}/${uuid}`,
    }),
  });
}

/** [seen] `uuid`; [chosen] the page to send the buyer to. */
function created(tx: Transaction): JsonObject {
  return { uuid: tx.uuid, checkout_url: extra(tx, "checkout_url") };
}

function details(tx: Transaction): JsonObject {
  return {
    payment_channel: extra(tx, "payment_channel"),
    transaction_description: tx.description,
    customer_phone: extra(tx, "customer_phone"),
    customer_email: extra(tx, "customer_email"),
    return_url: extra(tx, "return_url"),
    checkout_url: extra(tx, "checkout_url"),
    created_at: toPurwantaraTime(tx.createdAt),
  };
}

export const ewalletShopeepay: ProductModule = {
  product: "ewallet-shopeepay",
  label: "ShopeePay",
  channels: [{ code: "shopee_pay", name: "ShopeePay" }],
  routes: [
    {
      method: "POST",
      pattern: /^ewallet\/shopeepay$/,
      handler: createHandler({
        product: "ewallet-shopeepay",
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
