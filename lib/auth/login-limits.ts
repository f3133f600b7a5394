import "server-only";
import { countRecentFailures } from "@/db/queries/login-attempts";

/** [chosen] Guessing limits: per account, and per address for spraying many accounts. */
export const loginLimits = { windowMinutes: 15, perEmail: 10, perIp: 50 } as const;

/** The caller's address as the proxy in front of the app reports it, if any. */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || headers.get("x-real-ip")?.trim() || null)?.slice(0, 64) ?? null;
}

export async function isLoginBlocked(email: string, ip: string | null): Promise<boolean> {
  const since = new Date(Date.now() - loginLimits.windowMinutes * 60_000);
  const { byEmail, byIp } = await countRecentFailures(email, ip, since);
  return byEmail >= loginLimits.perEmail || byIp >= loginLimits.perIp;
}
