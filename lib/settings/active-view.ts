import "server-only";
import { getDb } from "@/db/client";
import { getUserActiveView, setUserActiveView } from "@/db/queries/team";
import { recordAudit } from "@/lib/audit/record";
import { gatewayConfigs, modeForView, type ActiveView } from "@/lib/gateway/config";
import type { GatewayMode } from "@purwantara/contract";

export type ViewChoice = {
  view: ActiveView;
  mode: GatewayMode;
  /** Whether that mode has credentials (environment or Settings): payments can be made. */
  configured: boolean;
  /** Whether each view has a mode of its own to show. */
  available: Record<ActiveView, boolean>;
};

/** The header switch's state for a person. */
export async function getViewChoice(userId: string): Promise<ViewChoice> {
  const [view, configs] = await Promise.all([getUserActiveView(userId), gatewayConfigs()]);
  const modes = configs.map((c) => c.mode);
  const mode = modeForView(view, modes);
  return {
    view,
    mode,
    configured: modes.includes(mode),
    available: {
      test: modes.includes("sandbox") || modes.includes("local"),
      live: modes.includes("production"),
    },
  };
}

/**
 * Remembers a person's test/live choice, audited. Live needs production credentials:
 * without them the choice is refused (returns false), so it never silently shows test data.
 */
export async function switchView(
  user: { id: string },
  view: ActiveView,
  ip: string | null,
): Promise<boolean> {
  const before = await getViewChoice(user.id);
  if (!before.available[view]) return false;
  const configs = (await gatewayConfigs()).map((c) => c.mode);
  await getDb().transaction(async (tx) => {
    await setUserActiveView(tx, user.id, view);
    await recordAudit(tx, {
      action: "settings.mode_switched",
      actorId: user.id,
      mode: modeForView(view, configs),
      ip,
      target: { type: "user", id: user.id },
      details: { from: before.view, to: view },
    });
  });
  return true;
}
