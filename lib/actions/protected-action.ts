import "server-only";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { authorize } from "@/lib/auth/authorize";
import type { CurrentUser } from "@/lib/auth/session";
import type { Permission } from "@/lib/auth/roles";
import { AppError, FieldError } from "@/lib/errors";
import { translateIssues } from "@/lib/i18n/server";
import { PurwantaraError } from "@/lib/purwantara/errors";
import { errorFacts, logFor } from "@/lib/log";
import type { ActionErrorState, ActionState } from "./action-state";

/** What an action's body returns: a state to show, or a page to go to. */
export type ActionOutcome = ActionState | { redirectTo: string };

const secretFields = /password|secret|token/i;

/** What was typed, to put back in the form: never passwords or secrets. */
export function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$") && !secretFields.test(key))
      values[key] = value;
  }
  return values;
}

/** The schema's verdict in the one action shape, with field errors in the person's language. */
export async function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
): Promise<{ ok: true; data: z.infer<S> } | { ok: false; state: ActionErrorState }> {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (parsed.success) return { ok: true, data: parsed.data };
  const t = await getTranslations("actions");
  return {
    ok: false,
    state: {
      status: "error",
      message: t("correctFields"),
      fieldErrors: await translateIssues(parsed.error.issues),
      values: submittedValues(formData),
    },
  };
}

/** What a person reads for an AppError: its translation when the catalogue has it. */
export async function shown(error: AppError): Promise<string> {
  if (!error.translation) return error.message;
  const t = await getTranslations();
  const has = (key: string) => t.has(key as "actions.generic");
  const { key, values = {} } = error.translation;
  if (!has(key)) return error.message;
  const words: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    words[name] =
      typeof value === "string" ? value : has(value.key) ? t(value.key as "actions.generic") : "—";
  }
  return t(key as "actions.generic", words);
}

/**
 * Any error an action caught, as its state: a field's refusal beside that field, an
 * AppError in the person's words, anything else logged and shown as the generic words.
 */
export async function toActionState<R = unknown>(
  error: unknown,
  values?: Record<string, string>,
  gatewayRefusal?: string,
): Promise<ActionErrorState<R>> {
  if (error instanceof PurwantaraError && gatewayRefusal) {
    const message = await shown(
      new AppError("unavailable", error.message, {
        key: gatewayRefusal,
        values: { message: error.message },
      }),
    );
    return { status: "error", message, values };
  }
  if (error instanceof FieldError) {
    const message = await shown(error);
    return { status: "error", message, fieldErrors: { [error.field]: [message] }, values };
  }
  if (error instanceof AppError) return { status: "error", message: await shown(error), values };
  logFor("actions").error({ err: errorFacts(error) }, "action failed");
  return { status: "error", message: (await getTranslations("actions"))("generic"), values };
}

/** Who may act (`authorize`), or the words that say why not. */
export async function actionCaller(
  permission: Permission,
): Promise<{ ok: true; user: CurrentUser } | { ok: false; message: string }> {
  try {
    return { ok: true, user: await authorize(permission) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: await shown(error) };
    throw error;
  }
}

/**
 * Wraps a form action in the order every action needs: session → permission (and no
 * pending password change or two-factor setup) → validation → the domain call. Actions are public POST endpoints, so none may skip
 * a step; `redirect` runs outside the try/catch so Next.js can handle it. A schema
 * may depend on the user (their time zone reads the dates they type).
 */
export function protectedAction<S extends z.ZodType>(options: {
  permission: Permission;
  schema: S | ((user: CurrentUser) => S);
  run: (input: z.infer<S>, user: CurrentUser) => Promise<ActionOutcome>;
  /** The catalogue key (with `{message}`) for Purwantara refusing the call `run` makes. */
  gatewayRefusal?: string;
}) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const values = submittedValues(formData);
    const caller = await actionCaller(options.permission);
    if (!caller.ok) return { status: "error", message: caller.message, values };
    const { user } = caller;
    const schema = typeof options.schema === "function" ? options.schema(user) : options.schema;
    const parsed = await parseForm(schema, formData);
    if (!parsed.ok) return parsed.state;
    let outcome: ActionOutcome;
    try {
      outcome = await options.run(parsed.data, user);
    } catch (error) {
      return toActionState(error, values, options.gatewayRefusal);
    }
    if ("redirectTo" in outcome) redirect(outcome.redirectTo);
    return outcome.status === "error" ? { ...outcome, values: outcome.values ?? values } : outcome;
  };
}
