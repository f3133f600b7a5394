import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { GatewayMode } from "@/lib/core/modes";
import { getDb } from "../client";
import { webhookDeliveries } from "../schema";
import { unresolvedHold } from "./callbacks";

export type ModeHealth = {
  mode: GatewayMode;
  /** When the last signed callback of this mode arrived (a replay is not one). */
  lastReceivedAt: Date | null;
  /** Deliveries held for a person (needs review or conflict), not yet resolved. */
  awaitingReview: number;
};

export async function getModeHealth(mode: GatewayMode): Promise<ModeHealth> {
  const db = getDb();
  const d = webhookDeliveries;
  const [[last], [waiting]] = await Promise.all([
    db
      .select({ at: d.receivedAt })
      .from(d)
      .where(and(eq(d.mode, mode), isNull(d.replayOf)))
      .orderBy(desc(d.receivedAt))
      .limit(1),
    db
      .select({ n: count() })
      .from(d)
      .where(and(eq(d.mode, mode), unresolvedHold)),
  ]);
  return { mode, lastReceivedAt: last?.at ?? null, awaitingReview: waiting?.n ?? 0 };
}
