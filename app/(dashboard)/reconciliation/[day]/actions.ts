"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { protectedAction } from "@/lib/actions/protected-action";
import { actingMode } from "@/lib/gateway/config";
import { decideDay, markDayReconciled, type ClosingResult } from "@/lib/payments/reconciliation";
import { isDay } from "@/lib/core/time";
import { reviewAdjustment } from "@/lib/payments/closing-adjustments";

const noteSchema = z.object({
  note: z.string().trim().min(1, "required").max(2000, "tooLong"),
});
const reviewSchema = z.object({
  note: z.string().trim().max(2000, "tooLong").optional(),
});

async function outcome(result: ClosingResult, day: string, done: string): Promise<ActionState> {
  const t = await getTranslations("reconciliation");
  revalidatePath("/reconciliation");
  revalidatePath(`/reconciliation/${day}`);
  return result.ok
    ? { status: "success", message: t(done as "marked") }
    : { status: "error", message: t(`errors.${result.reason}`) };
}

function checkedDay(day: string): string {
  // The page binds the day; a forged one is refused like any unknown day.
  if (!isDay(day)) throw new Error("not a day");
  return day;
}

/** The maker: a finance user marks the (ended) day reconciled with a note. */
export async function markDayAction(day: string, previous: ActionState, formData: FormData) {
  return protectedAction({
    permission: "reconciliation:mark",
    schema: noteSchema,
    run: async ({ note }, user) => {
      const result = await markDayReconciled(user, await actingMode(user), checkedDay(day), note);
      return outcome(result, day, "marked");
    },
  })(previous, formData);
}

/** The checker: a second finance user or an admin approves or rejects (with a note). */
export async function reviewDayAction(
  day: string,
  decision: "approved" | "rejected",
  previous: ActionState,
  formData: FormData,
) {
  return protectedAction({
    permission: "reconciliation:approve",
    schema: reviewSchema,
    run: async ({ note }, user) => {
      if (decision === "rejected" && !note) {
        const t = await getTranslations("reconciliation");
        return {
          status: "error",
          message: t("errors.rejectNeedsNote"),
          fieldErrors: { note: [t("errors.rejectNeedsNote")] },
        };
      }
      const result = await decideDay(
        user,
        await actingMode(user),
        checkedDay(day),
        decision === "approved" ? "approved" : "rejected",
        note || null,
      );
      return outcome(result, day, decision);
    },
  })(previous, formData);
}

/** A finance user or an admin has looked at what moved in a closed day after close. */
export async function reviewAdjustmentAction(
  day: string,
  previous: ActionState,
  formData: FormData,
) {
  return protectedAction({
    permission: "reconciliation:approve",
    schema: noteSchema,
    run: async ({ note }, user) => {
      const result = await reviewAdjustment(user, await actingMode(user), checkedDay(day), note);
      const t = await getTranslations("reconciliation.adjustment");
      revalidatePath("/reconciliation");
      revalidatePath(`/reconciliation/${day}`);
      revalidatePath("/overview");
      return result.ok
        ? { status: "success", message: t("reviewed") }
        : { status: "error", message: t(`errors.${result.reason}`) };
    },
  })(previous, formData);
}
