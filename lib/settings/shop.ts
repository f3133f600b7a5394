import "server-only";
import type { TimeZone } from "@/lib/core/time";
import { getMerchantProfile } from "./merchant";

/**
 * The merchant as the buyer sees them (Settings → business): the name, the contact
 * line, whether a logo is set (and its version, for the logo's address), and the zone
 * every deadline and paid time shown to a buyer is written in.
 */
export type Shop = {
  name: string | null;
  contact: string | null;
  /** The logo's upload time as a number, or null when no logo is set. */
  logoVersion: number | null;
  zone: TimeZone;
};

export async function getShop(): Promise<Shop> {
  const profile = await getMerchantProfile();
  return {
    name: profile.businessName,
    contact: profile.businessContact,
    logoVersion: profile.logoType ? (profile.logoUpdatedAt?.getTime() ?? 0) : null,
    zone: profile.defaultTimeZone,
  };
}
