"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { requestIp } from "@/lib/http/request-ip";
import { switchView } from "@/lib/settings/active-view";

const viewSchema = z.enum(["test", "live"]);

/**
 * The header's test/live switch: any signed-in person, for themselves only. A plain
 * form action (no state): the whole dashboard re-renders in the chosen mode.
 */
export async function switchViewAction(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  const view = viewSchema.safeParse(formData.get("view"));
  if (!user || !view.success) return;
  if (await switchView(user, view.data, await requestIp())) revalidatePath("/", "layout");
}
