import type { Permission } from "@/lib/auth/roles";

/** `label` is a key of the `nav` messages. */
export type NavItem = { href: string; label: NavLabel; permission: Permission };
type NavLabel =
  | "overview"
  | "transactions"
  | "reconciliation"
  | "newPayment"
  | "callbacks"
  | "team"
  | "settings"
  | "outbox"
  | "audit"
  | "gatewayCalls"
  | "relay"
  | "profile";

export const navItems = [
  { href: "/overview", label: "overview", permission: "overview:read" },
  { href: "/transactions", label: "transactions", permission: "transactions:read" },
  { href: "/reconciliation", label: "reconciliation", permission: "reconciliation:read" },
  { href: "/payments/new", label: "newPayment", permission: "payments:create" },
  { href: "/callbacks", label: "callbacks", permission: "callbacks:read" },
  { href: "/team", label: "team", permission: "team:manage" },
  { href: "/settings", label: "settings", permission: "settings:manage" },
  { href: "/outbox", label: "outbox", permission: "settings:manage" },
  { href: "/audit", label: "audit", permission: "audit:read" },
  { href: "/gateway-calls", label: "gatewayCalls", permission: "gateway-calls:read" },
  { href: "/relay", label: "relay", permission: "relay:manage" },
  { href: "/profile", label: "profile", permission: "profile:update" },
] as const satisfies readonly NavItem[];
