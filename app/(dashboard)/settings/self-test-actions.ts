"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { protectedAction } from "@/lib/actions/protected-action";
import { actingMode } from "@/lib/gateway/config";
import { runCallbackSelfTest, type SelfTestReport } from "@/lib/ops/callback-self-test";

/**
 * "Test my callback address": a signed self-test to APP_URL's callback path in the
 * admin's acting mode (lib/ops/callback-self-test.ts). It never touches money: the
 * ingest answers it before anything is stored (lib/webhooks/self-test.ts).
 */
export async function runCallbackSelfTestAction(
  previous: ActionState<SelfTestReport>,
  formData: FormData,
): Promise<ActionState<SelfTestReport>> {
  return protectedAction({
    permission: "settings:manage",
    schema: z.object({}),
    run: async (_input, user) => {
      const t = await getTranslations("settings.selfTest.verdict");
      const result = await runCallbackSelfTest(await actingMode(user));
      return { status: "success", message: t(result.verdict), result };
    },
  })(previous, formData) as Promise<ActionState<SelfTestReport>>;
}
