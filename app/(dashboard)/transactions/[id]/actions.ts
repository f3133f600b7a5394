"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { protectedAction } from "@/lib/actions/protected-action";
import { actingMode } from "@/lib/gateway/config";
import { cancelPayment } from "@/lib/payments/cancel-payment";
import { checkPaymentStatus } from "@/lib/payments/check-status";
import { refundDecisionSchema, refundRequestSchema } from "@/lib/payments/refund-schema";
import { proofFromFile } from "@/lib/payments/refund-proof";
import { decideRefund, requestRefund, type RefundResult } from "@/lib/payments/refunds";
import { getFormatter } from "@/lib/i18n/server";

/** Cancel an open payment (a VA); the page binds the transaction id, checked again here. */
export async function cancelPaymentAction(
  id: string,
  previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return protectedAction({
    permission: "payments:create",
    schema: z.object({}),
    gatewayRefusal: "handoff.cancelRefused",
    run: async (_input, user) => {
      await cancelPayment(id, user);
      revalidatePath(`/transactions/${id}`);
      return { status: "success", message: (await getTranslations("handoff"))("cancelled") };
    },
  })(previous, formData);
}

/** "Check status": ask Purwantara about this payment and settle the row either way. */
export async function checkStatusAction(
  id: string,
  previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return protectedAction({
    permission: "transactions:read",
    schema: z.object({}),
    gatewayRefusal: "handoff.checkFailed",
    run: async (_input, user) => {
      const t = await getTranslations("handoff");
      const result = await checkPaymentStatus(id, await actingMode(user));
      revalidatePath(`/transactions/${id}`);
      const message = {
        updated: t("checkUpdated"),
        unchanged: t("checkUnchanged"),
        not_found_at_gateway: t("checkNotFound"),
      }[result];
      return { status: "success", message };
    },
  })(previous, formData);
}

async function refundOutcome(result: RefundResult, id: string, done: string): Promise<ActionState> {
  const t = await getTranslations("refunds");
  revalidatePath(`/transactions/${id}`);
  if (result.ok) return { status: "success", message: t(done as "requested") };
  if (result.reason === "tooMuch") {
    const message = t("errors.tooMuch", { left: (await getFormatter()).money(result.left ?? "0") });
    return { status: "error", message, fieldErrors: { amount: [message] } };
  }
  return { status: "error", message: t(`errors.${result.reason}`) };
}

/** The first person: request a refund of this payment (the page binds its id). */
export async function requestRefundAction(
  id: string,
  previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return protectedAction({
    permission: "refunds:request",
    schema: (user) => refundRequestSchema(user.timeZone),
    run: async (input, user) => {
      const file = await proofFromFile(formData.get("proof"));
      if ("refused" in file) {
        const message = (await getTranslations("refunds"))(`errors.${file.refused}`);
        return { status: "error", message, fieldErrors: { proof: [message] } };
      }
      const result = await requestRefund(user, await actingMode(user), id, input, file.proof);
      return refundOutcome(result, id, "requested");
    },
  })(previous, formData);
}

/** The second person: approve or reject a waiting refund, a note required to reject. */
export async function decideRefundAction(
  id: string,
  refundId: string,
  decision: "approved" | "rejected",
  previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return protectedAction({
    permission: "refunds:approve",
    schema: refundDecisionSchema,
    run: async ({ note }, user) => {
      if (decision === "rejected" && !note) {
        const message = (await getTranslations("refunds"))("errors.rejectNeedsNote");
        return { status: "error", message, fieldErrors: { note: [message] } };
      }
      const verdict = decision === "approved" ? "approved" : "rejected";
      const result = await decideRefund(user, await actingMode(user), refundId, verdict, note);
      return refundOutcome(result, id, verdict);
    },
  })(previous, formData);
}
