"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { protectedAction } from "@/lib/actions/protected-action";
import { requestIp } from "@/lib/http/request-ip";
import { resendOutboxEmail } from "@/lib/mail/outbox-admin";

type Bound = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** Sends a sent or failed email again, as a new row in the outbox (admins only, audited). */
export const resendEmailAction: Bound = protectedAction({
  permission: "settings:manage",
  schema: z.object({ id: z.uuid("invalidChoice") }),
  run: async ({ id }, user) => {
    await resendOutboxEmail(id, { id: user.id, name: user.name, ip: await requestIp() });
    revalidatePath("/outbox");
    return { status: "success", message: (await getTranslations("outbox"))("resent") };
  },
});
