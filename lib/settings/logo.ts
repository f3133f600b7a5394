import "server-only";
import { getMerchantLogo } from "@/db/queries/settings";

/** The uploaded logo's bytes and type (checked at upload), or null. */
export function getMerchantLogoImage() {
  return getMerchantLogo();
}
