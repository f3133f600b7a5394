import "server-only";
import { countRejectedSince, getModeHealth, type ModeHealth } from "@/db/queries/callback-health";
import { gatewayConfigs } from "@/lib/gateway/config";
import type { GatewayMode } from "@/lib/purwantara/contract";

export type CallbackHealth = { modes: ModeHealth[]; rejectedLastDay: number };

/** The health panel's figures: every configured mode (or just `mode`), and the last day's junk. */
export async function getCallbackHealth(mode?: GatewayMode): Promise<CallbackHealth> {
  const modes = mode ? [mode] : (await gatewayConfigs()).map((c) => c.mode);
  const since = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const [perMode, rejectedLastDay] = await Promise.all([
    Promise.all(modes.map((m) => getModeHealth(m))),
    countRejectedSince(since),
  ]);
  return { modes: perMode, rejectedLastDay };
}
