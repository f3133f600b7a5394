import "server-only";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { can, roleLabels, type Permission } from "@/lib/auth/roles";
import { AppError, genericErrorMessage } from "@/lib/errors";
import type { ActionState } from "./action-state";

/** What an action's body returns: a state to show, or a page to go to. */
export type ActionOutcome = ActionState | { redirectTo: string };

const secretFields = /password|secret|token/i;

function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$") && !secretFields.test(key))
      values[key] = value;
  }
  return values;
}

/**
 * Wraps a form action in the order every action needs: session → permission →
 * validation → the domain call. Actions are public POST endpoints, so none may skip
 * a step; `redirect` runs outside the try/catch so Next.js can handle it.
 */
export function protectedAction<S extends z.ZodType>(options: {
  permission: Permission;
  schema: S;
  run: (input: z.infer<S>, user: CurrentUser) => Promise<ActionOutcome>;
}) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const values = submittedValues(formData);
    const user = await getCurrentUser();
    if (!user)
      return { status: "error", message: "Your session has ended. Please sign in again.", values };
    if (!can(user.role, options.permission)) {
      return {
        status: "error",
        message: `Your role (${roleLabels[user.role]}) is not allowed to do this.`,
        values,
      };
    }
    const parsed = options.schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "form");
        (fieldErrors[key] ??= []).push(issue.message);
      }
      return {
        status: "error",
        message: "Please correct the highlighted fields.",
        fieldErrors,
        values,
      };
    }
    let outcome: ActionOutcome;
    try {
      outcome = await options.run(parsed.data, user);
    } catch (error) {
      if (error instanceof AppError) return { status: "error", message: error.message, values };
      console.error("action failed:", error);
      return { status: "error", message: genericErrorMessage, values };
    }
    if ("redirectTo" in outcome) redirect(outcome.redirectTo);
    return outcome.status === "error" ? { ...outcome, values: outcome.values ?? values } : outcome;
  };
}
