import { indonesianPhoneSchema } from "@/channels/shared/fields";
import type { CallbackPayload } from "@purwantara/contract/callback";

/**
 * The buyer's phone a callback itself names (`event.meta.customer_phone`, as the
 * gateway's example sends it), in the dashboard's stored form (0 8…), or null.
 */
export function callbackBuyerPhone(payload: CallbackPayload): string | null {
  const meta = payload.event?.meta;
  const said =
    meta && typeof meta === "object" ? (meta as Record<string, unknown>).customer_phone : null;
  const parsed = indonesianPhoneSchema.safeParse(said);
  return parsed.success ? parsed.data : null;
}
