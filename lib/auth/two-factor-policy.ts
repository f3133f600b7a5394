import "server-only";

/**
 * Whether every admin must use two-factor sign-in. Today: the environment variable
 * REQUIRE_ADMIN_TWO_FACTOR ("true"/"1"); the settings screen (issue 9) backs this with
 * a saved setting, keeping the signature. An admin without two-factor sign-in set up
 * is sent to set it up before anything else while this is true.
 */
export async function requireAdminTwoFactor(): Promise<boolean> {
  return /^(1|true|yes)$/i.test(process.env.REQUIRE_ADMIN_TWO_FACTOR ?? "");
}
