import type { ReactNode } from "react";
import { navItems } from "@/components/layout/nav-items";
import { NavLinks } from "@/components/layout/nav-links";
import { buttonClass } from "@/components/ui/button-class";
import { can, roleLabels } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { modeLabels } from "@/lib/payments/labels";
import { signOutAction } from "./actions";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  const { mode } = getEnv().gateway;
  const items = navItems.filter((item) => can(user.role, item.permission));
  return (
    <div className="flex min-h-screen flex-col">
      {mode !== "production" ? (
        <p className="bg-amber-400 px-4 py-1 text-center text-xs font-semibold tracking-wide text-amber-950 uppercase">
          {modeLabels[mode]}
        </p>
      ) : null}
      <div className="flex flex-1">
        <aside className="flex w-60 shrink-0 flex-col border-r border-slate-200 bg-white px-3 py-5">
          <p className="mb-6 px-3 text-base font-semibold tracking-tight">
            <span className="mr-2 inline-block rounded-md bg-brand-600 px-2 py-0.5 text-white">
              P
            </span>
            Purwantara
          </p>
          <nav aria-label="Main" className="flex-1">
            <NavLinks items={items} />
          </nav>
          <div className="border-t border-slate-200 px-3 pt-4 text-sm">
            <p className="font-medium text-slate-900">{user.name}</p>
            <p className="truncate text-slate-500">{user.email}</p>
            <p className="mt-1 inline-block rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
              {roleLabels[user.role]}
            </p>
            <form action={signOutAction} className="mt-3">
              <button type="submit" className={`${buttonClass("secondary")} w-full`}>
                Sign out
              </button>
            </form>
          </div>
        </aside>
        <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
      </div>
    </div>
  );
}
