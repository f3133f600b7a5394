"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { protectedAction } from "@/lib/actions/protected-action";
import { roles } from "@/lib/auth/roles";
import { locales } from "@/lib/i18n/config";
import { getSmtpConfig } from "@/lib/mail/smtp-settings";
import { getMerchantProfile } from "@/lib/settings/merchant";
import { requestIp } from "@/lib/http/request-ip";
import { appOrigin } from "@/lib/http/app-origin";
import { createInvitation, revokeInvitationById } from "@/lib/team/invitations";
import { changeMember, type MemberChange } from "@/lib/team/members";

const roleSchema = z.enum(roles, "invalidChoice");

export const inviteMemberAction = protectedAction({
  permission: "team:manage",
  schema: z.object({
    email: z.email("email").max(254, "tooLong"),
    role: roleSchema,
    locale: z.enum(locales, "invalidChoice").optional(),
  }),
  run: async ({ email, role, locale }, user) => {
    const t = await getTranslations("team");
    const origin = appOrigin();
    const link = (token: string) => `${origin}/invite/${token}`;
    // Emailed when an SMTP server is configured; the link is shown to copy either way.
    const mail = (await getSmtpConfig()).config
      ? {
          inviterName: user.name,
          link,
          timeZone: (await getMerchantProfile()).defaultTimeZone,
        }
      : undefined;
    const { token, emailed } = await createInvitation(
      { email, role, actorId: user.id, ip: await requestIp(), locale: locale ?? user.locale },
      { accountExists: t("errors.accountExists") },
      mail,
    );
    revalidatePath("/team");
    return {
      status: "success",
      message: emailed ? t("invite.emailed", { email }) : t("invite.created", { email }),
      data: { link: link(token), email, emailed: emailed ? "1" : "" },
    };
  },
});

const memberSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("role"), role: roleSchema }),
  z.object({ kind: z.literal("disable") }),
  z.object({ kind: z.literal("enable") }),
  z.object({ kind: z.literal("force_password_reset") }),
]);

/** One change to one member; the member's id is bound on the server page, not posted. */
export async function changeMemberAction(
  userId: string,
  previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return protectedAction({
    permission: "team:manage",
    schema: memberSchema,
    run: async (change: MemberChange, user) => {
      const t = await getTranslations("team");
      await changeMember(
        z.uuid().parse(userId),
        change,
        { id: user.id, ip: await requestIp() },
        {
          notFound: t("errors.notFound"),
          lastAdmin: t("errors.lastAdmin"),
          unchanged: t("errors.unchanged"),
        },
      );
      revalidatePath("/team");
      return { status: "success", message: t(`done.${change.kind}`) };
    },
  })(previous, formData);
}

export async function revokeInvitationAction(
  invitationId: string,
  previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return protectedAction({
    permission: "team:manage",
    schema: z.object({}),
    run: async (_input, user) => {
      const t = await getTranslations("team");
      await revokeInvitationById(z.uuid().parse(invitationId), user.id, await requestIp(), {
        notPending: t("errors.notPending"),
      });
      revalidatePath("/team");
      return { status: "success", message: t("done.revoked") };
    },
  })(previous, formData);
}
