import "server-only";
import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/login-limits";

/** The caller's address as the sign-in limits see it, for the audit log. */
export async function requestIp(): Promise<string | null> {
  return clientIp(await headers());
}
