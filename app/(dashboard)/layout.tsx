import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { LiveActivity } from "@/components/live/live-activity";
import { requirePageUser } from "@/lib/auth/session";
import { ModeSwitch } from "@/components/layout/mode-switch";
import { getViewChoice } from "@/lib/settings/active-view";
import { switchViewAction } from "../actions/mode";
import { switchLocaleAction } from "../actions/preferences";
import { signOutAction } from "./actions";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Each page applies the two-factor requirement and the forced password change itself
  // (lib/auth/holds.ts: the profile's pages, where both are done, must stay reachable).
  const user = await requirePageUser();
  const choice = await getViewChoice(user.id);
  return (
    <AppShell
      user={user}
      mode={choice.mode}
      gatewayMissing={!choice.configured}
      signOutAction={signOutAction}
      switchLocaleAction={switchLocaleAction}
      modeSwitch={
        <ModeSwitch view={choice.view} available={choice.available} action={switchViewAction} />
      }
    >
      <LiveActivity>{children}</LiveActivity>
    </AppShell>
  );
}
