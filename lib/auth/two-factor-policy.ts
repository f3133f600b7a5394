import "server-only";
import { getMerchantSettings } from "@/db/queries/settings";

/**
 * Whether every admin must use two-factor sign-in: the environment variable
 * REQUIRE_ADMIN_TWO_FACTOR ("true"/"1"/"yes") or the saved "require 2FA for admins"
 * setting (settings page). An admin without two-factor sign-in set up is sent to set
 * it up before anything else while this is true.
 */
export async function requireAdminTwoFactor(): Promise<boolean> {
  if (/^(1|true|yes)$/i.test(process.env.REQUIRE_ADMIN_TWO_FACTOR ?? "")) return true;
  return (await getMerchantSettings())?.requireAdminTwoFactor ?? false;
}
