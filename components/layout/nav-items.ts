import type { Permission } from "@/lib/auth/roles";

export type NavItem = { href: string; label: string; permission: Permission };

export const navItems = [
  { href: "/transactions", label: "Transactions", permission: "transactions:read" },
  { href: "/payment-links/new", label: "New payment link", permission: "payments:create" },
] as const satisfies readonly NavItem[];
