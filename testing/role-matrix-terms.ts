import type { Permission } from "../lib/auth/roles";

/**
 * THE role matrix: every page, route handler and server action against each kind of
 * caller. One table-driven test per kind walks it: e2e/role-matrix.spec.ts (pages and
 * routes over HTTP, with each role's real session) and lib/auth/role-matrix.test.ts
 * (server actions through protectedAction with each role). Add a row with every new
 * page, route or action; the tests fail when an action is missing from the table.
 */
export const audiences = ["anonymous", "finance", "operator", "admin"] as const;
export type Audience = (typeof audiences)[number];

/**
 * `allow`: the caller gets the page or route (a route may still answer 404 or 400 for
 * what it was asked); `login`: sent to /login; `denied`: sent to /overview?denied=1;
 * `home`: a signed-in person is sent on to /overview (the sign-in page);
 * 401/403: a route handler's answer. For actions: `allow` runs, `login` is "your session
 * has ended", 403 is "your role is not allowed".
 */
export type Access = "allow" | "login" | "denied" | "home" | 401 | 403;
export type Expectation = Record<Audience, Access>;

export type MatrixRow = {
  kind: "page" | "route" | "action";
  /** Pages and routes: the path requested. Actions: `<module>#<export>`. */
  target: string;
  method?: "GET" | "POST";
  permission: Permission | "public" | "signed-in";
  expect: Expectation;
};

export const pageFor = (roles: readonly Audience[]): Expectation => ({
  anonymous: "login",
  finance: roles.includes("finance") ? "allow" : "denied",
  operator: roles.includes("operator") ? "allow" : "denied",
  admin: roles.includes("admin") ? "allow" : "denied",
});
export const routeFor = (roles: readonly Audience[]): Expectation => ({
  anonymous: 401,
  finance: roles.includes("finance") ? "allow" : 403,
  operator: roles.includes("operator") ? "allow" : 403,
  admin: roles.includes("admin") ? "allow" : 403,
});
export const actionFor = (roles: readonly Audience[]): Expectation => ({
  anonymous: "login",
  finance: roles.includes("finance") ? "allow" : 403,
  operator: roles.includes("operator") ? "allow" : 403,
  admin: roles.includes("admin") ? "allow" : 403,
});
export const everyone = ["finance", "operator", "admin"] as const;
export const makers = ["operator", "admin"] as const;
export const financeAndAdmin = ["finance", "admin"] as const;
export const admins = ["admin"] as const;
export const publicAccess: Expectation = {
  anonymous: "allow",
  finance: "allow",
  operator: "allow",
  admin: "allow",
};
/** A well-formed id that matches no row: the page is reached, then says "not found". */
export const absentId = "00000000-0000-4000-8000-000000000000";
