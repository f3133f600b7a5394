"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import { actionCaller, protectedAction, shown } from "@/lib/actions/protected-action";
import { clientIp } from "@/lib/auth/login-limits";
import type { CurrentUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { actingMode } from "@/lib/gateway/config";
import { errorFacts, logFor } from "@/lib/log";
import { getFormatter } from "@/lib/i18n/server";
import { relayEndpointSchema } from "@/lib/relay/endpoint-schema";
import {
  addRelayEndpoint,
  changeRelayEndpoint,
  removeRelayEndpoint,
  replayRelayDelivery,
  rotateRelaySecret,
  sendRelayTestEvent,
  setRelayEndpointPaused,
  type RelayActor,
} from "@/lib/relay/endpoints";

const endpointSchema = () =>
  relayEndpointSchema({ allowPrivate: getEnv().relayAllowsPrivateTargets });

async function actorOf(user: CurrentUser): Promise<RelayActor> {
  return { userId: user.id, mode: await actingMode(user), ip: clientIp(await headers()) };
}

/** Adds an endpoint in the admin's acting mode; its secret is in the answer, once. */
export const addRelayEndpointAction = protectedAction({
  permission: "relay:manage",
  schema: endpointSchema,
  run: async (input, user) => {
    const { endpoint, secret } = await addRelayEndpoint(await actorOf(user), input);
    revalidatePath("/relay");
    const t = await getTranslations("relay");
    return { status: "success", message: t("added"), data: { secret, id: endpoint.id } };
  },
});

export async function changeRelayEndpointAction(
  id: string,
  previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  if (!z.uuid().safeParse(id).success) return notFoundState();
  return protectedAction({
    permission: "relay:manage",
    schema: endpointSchema,
    run: async (input, user) => {
      await changeRelayEndpoint(await actorOf(user), id, input);
      revalidatePath(`/relay/${id}`);
      return { status: "success", message: (await getTranslations("relay"))("saved") };
    },
  })(previous, formData);
}

const kinds = ["pause", "resume", "delete", "rotate", "test", "replay"] as const;
type Kind = (typeof kinds)[number];

/**
 * One act on one endpoint (admin, in the acting mode): pause, resume, delete, rotate
 * its secret, send a test event, or replay one delivery (`delivery` in the form).
 */
export async function manageRelayEndpointAction(
  id: string,
  kind: Kind,
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const caller = await actionCaller("relay:manage");
  if (!caller.ok) return { status: "error", message: caller.message };
  const delivery = formData.get("delivery");
  const validDelivery = kind !== "replay" || z.uuid().safeParse(delivery).success;
  if (!kinds.includes(kind) || !z.uuid().safeParse(id).success || !validDelivery)
    return notFoundState();
  const t = await getTranslations("relay");
  try {
    const actor = await actorOf(caller.user);
    const state = await act(actor, id, kind, String(delivery), t);
    revalidatePath(kind === "delete" ? "/relay" : `/relay/${id}`);
    return state;
  } catch (error) {
    if (error instanceof AppError) return { status: "error", message: await shown(error) };
    logFor("relay").error({ err: errorFacts(error), endpointId: id }, "relay action failed");
    return { status: "error", message: (await getTranslations("actions"))("generic") };
  }
}

type Translate = Awaited<ReturnType<typeof getTranslations<"relay">>>;

async function act(
  actor: RelayActor,
  id: string,
  kind: Kind,
  delivery: string,
  t: Translate,
): Promise<ActionState> {
  if (kind === "pause" || kind === "resume") {
    await setRelayEndpointPaused(actor, id, kind === "pause");
    return { status: "success", message: t(kind === "pause" ? "paused" : "resumed") };
  }
  if (kind === "delete") {
    await removeRelayEndpoint(actor, id);
    return { status: "success", message: t("deleted") };
  }
  if (kind === "rotate") {
    const { secret, previousUntil } = await rotateRelaySecret(actor, id);
    const until = (await getFormatter()).dateTime(previousUntil);
    return { status: "success", message: t("rotated", { until }), data: { secret } };
  }
  // Queued, answered at once: the log shows the try when it is made (the page refreshes).
  if (kind === "test") await sendRelayTestEvent(actor, id);
  else await replayRelayDelivery(actor, id, delivery);
  return { status: "success", message: t(kind === "test" ? "try.testQueued" : "try.replayQueued") };
}

async function notFoundState(): Promise<ActionState> {
  return { status: "error", message: (await getTranslations("relay"))("notFound") };
}
