import type { Permission } from "@/lib/auth/roles";

/** `label` is a key of the `nav` messages. */
export type NavItem = { href: string; label: NavLabel; permission: Permission };
type NavLabel = "transactions" | "newPayment" | "profile" | "team" | "settings" | "audit";

export const navItems = [
  { href: "/transactions", label: "transactions", permission: "transactions:read" },
  { href: "/payments/new", label: "newPayment", permission: "payments:create" },
  { href: "/team", label: "team", permission: "team:manage" },
  { href: "/settings", label: "settings", permission: "settings:manage" },
  { href: "/audit", label: "audit", permission: "audit:read" },
  { href: "/profile", label: "profile", permission: "profile:update" },
] as const satisfies readonly NavItem[];
