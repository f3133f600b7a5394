"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { protectedAction } from "@/lib/actions/protected-action";
import { createPaymentLink } from "@/lib/payments/create-payment-link";
import {
  paymentLinkFormSchema,
  paymentLinkGatewayFields,
} from "@/lib/payments/schemas/payment-link";

export const createPaymentLinkAction = protectedAction({
  permission: "payments:create",
  schema: paymentLinkFormSchema,
  run: async (form, user) => {
    const result = await createPaymentLink(form, user);
    revalidatePath("/transactions");
    if (result.ok) return { redirectTo: `/transactions/${result.transaction.id}?created=1` };

    const fieldErrors: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(result.error.fields)) {
      (fieldErrors[paymentLinkGatewayFields[field] ?? "form"] ??= []).push(...messages);
    }
    const reference = result.transaction.externalId;
    const message = result.error.outcomeUnknown
      ? `${result.error.message}. It may still have been created: it is recorded as ${reference} and will update if Purwantara reports it. Check the transactions list before trying again.`
      : `Purwantara did not create the payment link: ${result.error.message} (recorded as ${reference}).`;
    // A corrected form is a new attempt, so it gets a new one-time key.
    return { status: "error", message, fieldErrors, idempotencyKey: randomUUID() };
  },
});
