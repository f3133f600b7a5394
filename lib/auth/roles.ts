import type { UserRole } from "@/db/schema";

export const roles = ["admin", "operator", "finance"] as const satisfies readonly UserRole[];

/** What each role may do. Finance reads and exports; it never creates payments. */
export const permissions = {
  "payments:create": ["admin", "operator"],
  "transactions:read": ["admin", "operator", "finance"],
  "profile:update": ["admin", "operator", "finance"],
} as const satisfies Record<string, readonly UserRole[]>;

export type Permission = keyof typeof permissions;

export function can(role: UserRole, permission: Permission): boolean {
  return (permissions[permission] as readonly UserRole[]).includes(role);
}
