"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { protectedAction } from "@/lib/actions/protected-action";
import { requestIp } from "@/lib/http/request-ip";
import { reverifyQuarantine } from "@/lib/webhooks/quarantine";

/**
 * Re-verifies the quarantined deliveries against today's secrets (admin, after fixing
 * one): each that now matches is applied in the mode its secret proves.
 */
export const reverifyQuarantineAction = protectedAction({
  permission: "callbacks:manage",
  schema: z.object({}),
  run: async (_input, user) => {
    const t = await getTranslations("callbacks.inbox");
    const result = await reverifyQuarantine({ id: user.id, ip: await requestIp() });
    revalidatePath("/callbacks");
    return { status: "success", message: t("reverified", result) };
  },
});
