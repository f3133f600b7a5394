import { toPurwantaraTime } from "../format";
import type { Fields, JsonObject } from "../http";
import type { ProductKey, Transaction } from "../types";
import { amountField, checked, FieldErrors, stringField, urlField } from "../validation";
import { emailField, enumField, phoneField } from "../validation-formats";
import { createHandler, extra, newTransaction, walletViews } from "./kit";
import type { ApiContext, ProductModule } from "./types";

/**
 * An e-wallet paid on a checkout page (ShopeePay, DANA): the request carries the buyer's
 * contact and a return address, the answer a `checkout_url` on the emulator's share page.
 */
export interface CheckoutWalletProduct {
  product: ProductKey;
  label: string;
  /** The one `payment_channel` the route takes. */
  code: string;
  /** The path under /v1/. */
  path: string;
  /** [chosen] event.channel of its callbacks. */
  eventChannel: string;
  /** [chosen] Where the buyer pays: `checkout_url`. */
  sharePrefix: string;
  /** The request's field for the description. */
  descriptionField: string;
  /** The request's field for the address the buyer goes back to. */
  returnField: string;
  /** Further optional text fields the request takes and the row keeps. */
  textFields: readonly string[];
  /** Of those, the ones the API's views show. */
  shownFields: readonly string[];
  /** Whether the create answer says `status`. */
  answersStatus: boolean;
}

/** [chosen] A common gateway floor for e-wallet payments, whole rupiah. */
const minAmount = 1_000;
/** [chosen] How long a checkout stays payable. */
const lifetimeMs = 10 * 60 * 1000;

function validator(spec: CheckoutWalletProduct) {
  return (fields: Fields) => {
    const errors = new FieldErrors();
    const text: Record<string, string | null> = {};
    const input = {
      amount: amountField(fields, "amount", errors, minAmount),
      description: stringField(fields, spec.descriptionField, errors, { max: 255 }),
      email: emailField(fields, "customer_email", errors),
      phone: phoneField(fields, "customer_phone", errors),
      channel: enumField(fields, "payment_channel", errors, [spec.code], { required: true }),
      externalId: stringField(fields, "external_id", errors, { required: true, max: 255 }),
      returnUrl: urlField(fields, spec.returnField, errors),
      text,
    };
    for (const name of spec.textFields)
      text[name] = stringField(fields, name, errors, { max: 255 });
    return checked(errors, input, ["amount", "channel", "externalId"]);
  };
}
type Input = Exclude<ReturnType<ReturnType<typeof validator>>, FieldErrors>;

function builder(spec: CheckoutWalletProduct) {
  return (ctx: ApiContext, input: Input): Transaction =>
    newTransaction(ctx, {
      product: spec.product,
      externalId: input.externalId,
      amount: input.amount,
      title: input.description ?? `${spec.label} ${input.externalId}`,
      description: input.description,
      expiresAt: null,
      lifetimeMs,
      channel: spec.eventChannel,
      customerPhone: input.phone,
      extra: (uuid) => ({
        payment_channel: input.channel,
        customer_email: input.email,
        ...input.text,
        customer_phone: input.phone,
        [spec.returnField]: input.returnUrl,
        checkout_url: `${ctx.publicUrl()}${spec.sharePrefix}/${uuid}`,
      }),
    });
}

/** The API's fullest view of one checkout. */
function detailer(spec: CheckoutWalletProduct) {
  return (tx: Transaction): JsonObject => ({
    payment_channel: extra(tx, "payment_channel"),
    [spec.descriptionField]: tx.description,
    customer_phone: extra(tx, "customer_phone"),
    customer_email: extra(tx, "customer_email"),
    ...Object.fromEntries(spec.shownFields.map((name) => [name, extra(tx, name)])),
    [spec.returnField]: extra(tx, spec.returnField),
    checkout_url: extra(tx, "checkout_url"),
    created_at: toPurwantaraTime(tx.createdAt),
  });
}

/** The emulator's module for one checkout-page e-wallet. */
export function checkoutWalletProduct(spec: CheckoutWalletProduct): ProductModule {
  /** [seen] `uuid`; [chosen] `status` where the wallet says it, and the page to send the buyer to. */
  const created = (tx: Transaction): JsonObject => ({
    uuid: tx.uuid,
    ...(spec.answersStatus ? { status: tx.status } : {}),
    checkout_url: extra(tx, "checkout_url"),
  });
  return {
    product: spec.product,
    label: spec.label,
    channels: [{ code: spec.code, name: spec.label }],
    routes: [
      {
        method: "POST",
        pattern: new RegExp(`^${spec.path.replace("/", "\\/")}$`),
        handler: createHandler({
          product: spec.product,
          referenceField: "external_id",
          validate: validator(spec),
          build: builder(spec),
          respond: created,
        }),
      },
    ],
    ...walletViews(detailer(spec)),
    hostedPagePrefix: spec.sharePrefix,
  };
}
