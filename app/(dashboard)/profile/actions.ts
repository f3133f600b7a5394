"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { actionCaller, parseForm, protectedAction } from "@/lib/actions/protected-action";
import { clientIp, loginLimits } from "@/lib/auth/login-limits";
import {
  confirmationMatches,
  differsFromCurrent,
  newPasswordSchema,
} from "@/lib/auth/password-rules";
import {
  changeName,
  changePassword,
  confirmTwoFactorSetup,
  endMyOtherSessions,
  endMySession,
  startTwoFactorSetup,
  turnOffTwoFactor,
} from "@/lib/auth/profile-service";
import { requireAdminTwoFactor } from "@/lib/auth/two-factor-policy";
import { noticeFormSchema } from "@/lib/core/notice-kinds";
import { saveNoticeChoices } from "@/lib/notices/preferences";

const ip = async () => clientIp(await headers());

export const updateNameAction = protectedAction({
  permission: "profile:update",
  schema: z.object({ name: z.string().trim().min(1, "nameRequired").max(100, "tooLong") }),
  run: async ({ name }, user) => {
    await changeName(user, name, await ip());
    revalidatePath("/", "layout");
    return { status: "success", message: (await getTranslations("profile"))("nameSaved") };
  },
});

export const changePasswordAction = protectedAction({
  permission: "profile:update",
  schema: z
    .object({
      currentPassword: z.string().min(1, "passwordRequired").max(200, "tooLong"),
      password: newPasswordSchema,
      confirm: z.string(),
    })
    .refine(...confirmationMatches)
    .refine(...differsFromCurrent),
  run: async ({ currentPassword, password }, user) => {
    const t = await getTranslations("security");
    const outcome = await changePassword(user, currentPassword, password, await ip());
    if (outcome === "limited") {
      return { status: "error", message: t("limited", { minutes: loginLimits.windowMinutes }) };
    }
    if (outcome === "wrong") {
      return {
        status: "error",
        message: t("currentWrong"),
        fieldErrors: { currentPassword: [t("currentWrong")] },
      };
    }
    revalidatePath("/profile");
    return { status: "success", message: t("passwordChanged") };
  },
});

export const endSessionAction = protectedAction({
  permission: "profile:update",
  schema: z.object({ sessionId: z.uuid("invalidChoice") }),
  run: async ({ sessionId }, user) => {
    const t = await getTranslations("security");
    // This device signs out with the header's button; here only the others end.
    if (sessionId === user.sessionId) return { status: "error", message: t("sessionGone") };
    const ended = await endMySession(user, sessionId, await ip());
    revalidatePath("/profile");
    return ended
      ? { status: "success", message: t("sessionEnded") }
      : { status: "error", message: t("sessionGone") };
  },
});

export const endOtherSessionsAction = protectedAction({
  permission: "profile:update",
  schema: z.object({}),
  run: async (_input, user) => {
    const count = await endMyOtherSessions(user, await ip());
    revalidatePath("/profile");
    return {
      status: "success",
      message: (await getTranslations("security"))("othersEnded", { count }),
    };
  },
});

export const startTwoFactorAction = protectedAction({
  permission: "profile:update",
  schema: z.object({}),
  run: async (_input, user) => {
    if (!(await startTwoFactorSetup(user))) {
      return { status: "error", message: (await getTranslations("twoFactor"))("alreadyOn") };
    }
    return { redirectTo: "/profile/two-factor?setup=1" };
  },
});

/** What the setup's confirmation returns: the recovery codes, once. */
export type TwoFactorSetupState =
  ActionState | { status: "enabled"; message: string; codes: string[] };

const codeSchema = z.object({
  code: z.string().trim().min(1, "codeRequired").max(32, "codeFormat"),
});

export async function confirmTwoFactorAction(
  _previous: TwoFactorSetupState,
  formData: FormData,
): Promise<TwoFactorSetupState> {
  const caller = await actionCaller("profile:update");
  if (!caller.ok) return { status: "error", message: caller.message };
  const { user } = caller;
  const t = await getTranslations("twoFactor");
  const parsed = await parseForm(codeSchema, formData);
  if (!parsed.ok) return parsed.state;
  const result = await confirmTwoFactorSetup(user, parsed.data.code, await ip());
  if (result.status === "wrong") {
    return { status: "error", message: t("wrongCode"), fieldErrors: { code: [t("wrongCode")] } };
  }
  if (result.status !== "enabled") return { status: "error", message: t("notStarted") };
  return { status: "enabled", message: t("enabled"), codes: result.codes };
}

export const disableTwoFactorAction = protectedAction({
  permission: "profile:update",
  schema: codeSchema,
  run: async ({ code }, user) => {
    const t = await getTranslations("twoFactor");
    if (user.role === "admin" && (await requireAdminTwoFactor())) {
      return { status: "error", message: t("requiredCannotDisable") };
    }
    const outcome = await turnOffTwoFactor(user, code, await ip());
    if (outcome === "wrong") {
      return { status: "error", message: t("wrongCode"), fieldErrors: { code: [t("wrongCode")] } };
    }
    revalidatePath("/profile");
    return { redirectTo: "/profile?twoFactor=off" };
  },
});

export const updateNoticesAction = protectedAction({
  permission: "profile:update",
  schema: noticeFormSchema,
  run: async (chosen, user) => {
    await saveNoticeChoices(user, chosen);
    revalidatePath("/profile");
    return { status: "success", message: (await getTranslations("notices"))("saved") };
  },
});
