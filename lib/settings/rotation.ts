import "server-only";
import { lastVerifiedWithPrevious } from "@/db/queries/settings";
import type { GatewayMode } from "@purwantara/contract";

/**
 * When the mode's previous secret last verified a delivery (the callback route records
 * `verified_with`): a rotation's "is anything still signing with the old one?".
 */
export function lastVerifiedWithPreviousSecret(mode: GatewayMode): Promise<Date | null> {
  return lastVerifiedWithPrevious(mode);
}
