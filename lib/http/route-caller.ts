import "server-only";
import { authorize, roleRefusalKey } from "@/lib/auth/authorize";
import type { Permission } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { jsonError } from "./json-error";

/**
 * Who may call a route handler: `authorize`'s checks (the same as pages and server
 * actions), answered in the route's own words for a missing session (401) and a role
 * (403). Returns the user, or the error response to send.
 */
export async function routeCaller(
  permission: Permission,
  refusals: { signedOut: string; role: string },
): Promise<{ user: CurrentUser; refused?: never } | { user?: never; refused: Response }> {
  try {
    return { user: await authorize(permission) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const message =
      error.code === "unauthenticated"
        ? refusals.signedOut
        : error.translation?.key === roleRefusalKey
          ? refusals.role
          : error.message;
    return { refused: jsonError(error.status, message) };
  }
}
