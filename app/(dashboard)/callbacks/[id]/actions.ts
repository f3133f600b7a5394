"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { clientIp } from "@/lib/auth/login-limits";
import { actionCaller, toActionState } from "@/lib/actions/protected-action";
import { actingMode } from "@/lib/gateway/config";
import { dismissDelivery, replayDelivery } from "@/lib/webhooks/replay";
import type { ActionState } from "@/lib/actions/action-state";
import type { ReplayResult } from "@/lib/webhooks/replay";

const kinds = ["dryRun", "replay", "previewAccept", "accept", "dismiss"] as const;
type Kind = (typeof kinds)[number];

const maxNote = 500;

/**
 * Replay, accept or dismiss one stored delivery (admin). The same order as every action:
 * session → permission → input → the domain call, in the person's acting mode, so a
 * delivery of another mode is not found. The page binds the delivery id and the kind.
 */
export async function manageDeliveryAction(
  id: string,
  kind: Kind,
  _previous: ActionState<ReplayResult>,
  formData: FormData,
): Promise<ActionState<ReplayResult>> {
  const t = await getTranslations();
  const caller = await actionCaller("callbacks:manage");
  if (!caller.ok) return { status: "error", message: caller.message };
  const { user } = caller;
  // Bound arguments come back from the browser: checked like any other input.
  if (!kinds.includes(kind) || !z.uuid().safeParse(id).success) {
    return { status: "error", message: t("callbacks.refusals.notFound", { reason: "—" }) };
  }
  const rawNote = formData.get("note");
  const note = typeof rawNote === "string" ? rawNote.trim() : "";
  const needsNote = kind === "accept" || kind === "dismiss";
  if (needsNote && (note.length === 0 || note.length > maxNote)) {
    return {
      status: "error",
      message: t("actions.correctFields"),
      fieldErrors: { note: [t("callbacks.resolve.noteRequired")] },
      values: { note },
    };
  }
  const request = {
    id,
    mode: await actingMode(user),
    actorId: user.id,
    ip: clientIp(await headers()),
  };
  try {
    if (kind === "dismiss") {
      await dismissDelivery({ ...request, note });
      revalidatePath(`/callbacks/${id}`);
      return { status: "success", message: t("callbacks.resolve.dismissed") };
    }
    const commit = kind === "replay" || kind === "accept";
    const accept = kind === "accept" || kind === "previewAccept" ? { note } : undefined;
    const result = await replayDelivery({ ...request, commit, accept });
    if (commit) revalidatePath(`/callbacks/${id}`);
    const message = commit
      ? t(accept ? "callbacks.resolve.accepted" : "callbacks.replay.done")
      : t(accept ? "callbacks.resolve.previewTitle" : "callbacks.replay.previewTitle");
    return { status: "success", message, result, values: { note } };
  } catch (error) {
    return toActionState(error, { note });
  }
}
