"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { protectedAction } from "@/lib/actions/protected-action";
import { getChannelModule } from "@/channels/server";
import type { ChannelModule } from "@/channels/shared/types";
import { getFormatter } from "@/lib/i18n/server";
import { createPayment } from "@/lib/payments/create-payment";
import { findRecentRepeat } from "@/lib/payments/recent-repeat";

/** The answer to "a payment like this was just made: make another?". */
const confirmSchema = z.object({ confirmRepeatOf: z.string().optional() });

/**
 * The receipt checkbox: the form says it showed it (`emailReceiptOffered`), so an
 * unticked box (absent from the form data) turns this payment's receipt off.
 */
const receiptSchema = z.object({
  emailReceiptOffered: z.string().optional(),
  emailReceipt: z.string().optional(),
});

function createWith(channelModule: ChannelModule) {
  return protectedAction({
    permission: "payments:create",
    schema: (user) => channelModule.formSchema(user.timeZone).and(confirmSchema).and(receiptSchema),
    run: async (form, user) => {
      // A near-identical payment made minutes ago: ask once before a second open bill.
      const repeat = await findRecentRepeat(channelModule, form, user);
      if (repeat && form.confirmRepeatOf !== repeat.id) {
        const t = await getTranslations("flows.repeat");
        const format = await getFormatter();
        return {
          status: "error",
          message: t("found", { time: format.dateTime(repeat.createdAt) }),
          repeatOf: { id: repeat.id, createdAt: repeat.createdAt.toISOString() },
        };
      }
      const result = await createPayment(channelModule, form, user, {
        emailReceipt: !form.emailReceiptOffered || form.emailReceipt === "on",
      });
      revalidatePath("/transactions");
      const detail = `/transactions/${result.transaction.id}`;
      if (result.ok) return { redirectTo: result.repeated ? detail : `${detail}?created=1` };
      // The payment may exist: show its row (which says so) instead of inviting a second attempt.
      if (result.error.outcomeUnknown) return { redirectTo: detail };

      // Purwantara's own per-field words, shown as it sent them beside the matching field.
      const fieldErrors: Record<string, string[]> = {};
      for (const [field, messages] of Object.entries(result.error.fields)) {
        (fieldErrors[channelModule.gatewayFields[field] ?? "form"] ??= []).push(...messages);
      }
      const t = await getTranslations("payment");
      const reference = result.transaction.externalId ?? "";
      // Problems with our own credentials say what to fix; other refusals quote Purwantara.
      const kind = result.error.kind;
      const message =
        kind === "auth"
          ? t("refusedAuth", { reference })
          : kind === "forbidden"
            ? t("refusedForbidden", { reference })
            : kind === "rate_limited"
              ? t("refusedBusy", { reference })
              : t("refused", { message: result.error.message, reference });
      // Purwantara said no, so nothing exists: a corrected form is a new attempt with a new one-time key.
      return { status: "error", message, fieldErrors, idempotencyKey: randomUUID() };
    },
  });
}

/** One action for every channel; the page binds the channel (checked again here). */
export async function createPaymentAction(
  channel: string,
  previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const channelModule = getChannelModule(channel);
  if (!channelModule) {
    return { status: "error", message: (await getTranslations("payment"))("unknownChannel") };
  }
  return createWith(channelModule)(previous, formData);
}
