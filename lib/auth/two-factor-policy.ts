import "server-only";
import { getMerchantSettings } from "@/db/queries/settings";

// placeholder: security helper's version wins at merge
/** Whether admins must use two-factor sign-in: the "require 2FA for admins" setting. */
export async function requireAdminTwoFactor(): Promise<boolean> {
  return (await getMerchantSettings())?.requireAdminTwoFactor ?? false;
}
