"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { protectedAction } from "@/lib/actions/protected-action";
import { createPaymentLink } from "@/lib/payments/create-payment-link";
import {
  paymentLinkFormSchema,
  paymentLinkGatewayFields,
} from "@/lib/payments/schemas/payment-link";

export const createPaymentLinkAction = protectedAction({
  permission: "payments:create",
  schema: (user) => paymentLinkFormSchema(user.timeZone),
  run: async (form, user) => {
    const result = await createPaymentLink(form, user);
    revalidatePath("/transactions");
    const detail = `/transactions/${result.transaction.id}`;
    if (result.ok) return { redirectTo: result.repeated ? detail : `${detail}?created=1` };
    // The link may exist: show its row (which says so) instead of inviting a second attempt.
    if (result.error.outcomeUnknown) return { redirectTo: detail };

    // Purwantara's own per-field words, shown as it sent them beside the matching field.
    const fieldErrors: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(result.error.fields)) {
      (fieldErrors[paymentLinkGatewayFields[field] ?? "form"] ??= []).push(...messages);
    }
    const t = await getTranslations("paymentLink");
    const message = t("refused", {
      message: result.error.message,
      reference: result.transaction.externalId ?? "",
    });
    // Purwantara said no, so nothing exists: a corrected form is a new attempt with a new one-time key.
    return { status: "error", message, fieldErrors, idempotencyKey: randomUUID() };
  },
});
