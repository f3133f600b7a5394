import { toPurwantaraTime } from "../format";
import type { Fields, JsonObject } from "../http";
import type { Transaction } from "../types";
import { amountField, checked, FieldErrors, stringField } from "../validation";
import { emailField, enumField, phoneField } from "../validation-formats";
import { createHandler, extra, newTransaction, walletViews } from "./kit";
import type { ApiContext, ProductModule } from "./types";

/** [chosen] A common gateway floor for e-wallet payments, whole rupiah. */
const minAmount = 1_000;
/** [chosen] How long the push waits for the buyer to approve it in the OVO app. */
const lifetimeMs = 10 * 60 * 1000;

function validate(fields: Fields) {
  const errors = new FieldErrors();
  const input = {
    amount: amountField(fields, "amount", errors, minAmount),
    phone: phoneField(fields, "customer_phone", errors, { required: true }),
    email: emailField(fields, "customer_email", errors),
    channel: enumField(fields, "payment_channel", errors, ["OVO"], { required: true }),
    externalId: stringField(fields, "external_id", errors, { required: true, max: 255 }),
    description: stringField(fields, "description", errors, { max: 255 }),
  };
  return checked(errors, input, ["amount", "phone", "channel", "externalId"]);
}

type Input = Exclude<ReturnType<typeof validate>, FieldErrors>;

function build(ctx: ApiContext, input: Input): Transaction {
  return newTransaction(ctx, {
    product: "ewallet-ovo",
    externalId: input.externalId,
    amount: input.amount,
    title: input.description ?? `OVO ${input.externalId}`,
    description: input.description,
    expiresAt: null,
    lifetimeMs,
    // [chosen] event.channel for OVO payments.
    channel: "OVO",
    customerPhone: input.phone,
    extra: () => ({
      payment_channel: input.channel,
      customer_phone: input.phone,
      customer_email: input.email,
    }),
  });
}

/** [seen] `uuid`; [chosen] the status and the phone the push went to. */
function created(tx: Transaction): JsonObject {
  return { uuid: tx.uuid, status: tx.status, customer_phone: extra(tx, "customer_phone") };
}

function details(tx: Transaction): JsonObject {
  return {
    payment_channel: extra(tx, "payment_channel"),
    customer_phone: extra(tx, "customer_phone"),
    customer_email: extra(tx, "customer_email"),
    description: tx.description,
    created_at: toPurwantaraTime(tx.createdAt),
  };
}

export const ewalletOvo: ProductModule = {
  product: "ewallet-ovo",
  label: "OVO",
  channels: [{ code: "OVO", name: "OVO" }],
  routes: [
    {
      method: "POST",
      pattern: /^ewallet\/ovo$/,
      handler: createHandler({
        product: "ewallet-ovo",
        referenceField: "external_id",
        validate,
        build,
        respond: created,
      }),
    },
  ],
  ...walletViews(details),
  detail: (tx) => extra(tx, "customer_phone"),
};
