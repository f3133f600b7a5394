"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { protectedAction, shown } from "@/lib/actions/protected-action";
import { AppError } from "@/lib/errors";
import { actingMode } from "@/lib/gateway/config";
import { cancelPayment } from "@/lib/payments/cancel-payment";
import { checkPaymentStatus } from "@/lib/payments/check-status";
import { PurwantaraError } from "@/lib/purwantara/errors";

/** Cancel an open payment (a VA); the page binds the transaction id, checked again here. */
export async function cancelPaymentAction(
  id: string,
  previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return protectedAction({
    permission: "payments:create",
    schema: z.object({}),
    run: async (_input, user) => {
      const t = await getTranslations("handoff");
      try {
        await cancelPayment(id, user);
      } catch (error) {
        if (error instanceof PurwantaraError)
          return { status: "error", message: t("cancelRefused", { message: error.message }) };
        if (error instanceof AppError)
          return {
            status: "error",
            message: error.translation ? await shown(error) : t("notCancellable"),
          };
        throw error;
      }
      revalidatePath(`/transactions/${id}`);
      return { status: "success", message: t("cancelled") };
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
    run: async (_input, user) => {
      const t = await getTranslations("handoff");
      try {
        const result = await checkPaymentStatus(id, await actingMode(user));
        revalidatePath(`/transactions/${id}`);
        const message = {
          updated: t("checkUpdated"),
          unchanged: t("checkUnchanged"),
          not_found_at_gateway: t("checkNotFound"),
        }[result];
        return { status: "success", message };
      } catch (error) {
        if (error instanceof PurwantaraError)
          return { status: "error", message: t("checkFailed", { message: error.message }) };
        if (error instanceof AppError)
          return {
            status: "error",
            message: error.translation ? await shown(error) : t("cannotCheck"),
          };
        throw error;
      }
    },
  })(previous, formData);
}
