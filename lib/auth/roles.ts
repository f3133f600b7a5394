import type { UserRole } from "@/db/schema";

export const roles = ["admin", "operator", "finance"] as const satisfies readonly UserRole[];

/** What each role may do. Finance reads and exports; it never creates payments. */
export const permissions = {
  "payments:create": ["admin", "operator"],
  "payments:cancel": ["admin", "operator"],
  "transactions:read": ["admin", "operator", "finance"],
  "transactions:export": ["admin", "finance"],
  "overview:read": ["admin", "operator", "finance"],
  "reconciliation:read": ["admin", "finance"],
  /** The maker: marks a day reconciled. */
  "reconciliation:mark": ["finance"],
  /** The checker: a second finance user or an admin approves it. */
  "reconciliation:approve": ["admin", "finance"],
  /** The first person of a refund: asks for money to go back. */
  "refunds:request": ["operator", "finance"],
  /** The second: a different finance user or an admin approves or rejects it. */
  "refunds:approve": ["admin", "finance"],
  "callbacks:read": ["admin", "finance"],
  /** Replay a stored delivery, resolve one held for review. */
  "callbacks:manage": ["admin"],
  "team:manage": ["admin"],
  "settings:manage": ["admin"],
  "audit:read": ["admin"],
  /** The log of every call the app made to Purwantara (redacted). */
  "gateway-calls:read": ["admin"],
  /** The signed relay to other systems: endpoints, their secrets, their delivery log. */
  "relay:manage": ["admin"],
  "profile:update": ["admin", "operator", "finance"],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof permissions;

export function can(role: UserRole, permission: Permission): boolean {
  return (permissions[permission] as readonly UserRole[]).includes(role);
}
