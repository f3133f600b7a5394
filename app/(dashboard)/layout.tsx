import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { LiveActivity } from "@/components/live/live-activity";
import { requirePageUser } from "@/lib/auth/session";
import { actingMode } from "@/lib/gateway/config";
import { switchLocaleAction } from "../actions/preferences";
import { signOutAction } from "./actions";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Each page applies the two-factor requirement itself (its setup page must stay reachable).
  const user = await requirePageUser(undefined, { allowWithoutTwoFactor: true });
  return (
    <AppShell
      user={user}
      mode={await actingMode(user)}
      signOutAction={signOutAction}
      switchLocaleAction={switchLocaleAction}
    >
      <LiveActivity>{children}</LiveActivity>
    </AppShell>
  );
}
