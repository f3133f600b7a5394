/**
 * THE role matrix: every page, route handler and server action against each kind of
 * caller. One table-driven test per kind walks it: e2e/role-matrix.spec.ts (pages and
 * routes over HTTP, with each role's real session) and lib/auth/role-matrix.test.ts
 * (server actions through protectedAction with each role). Add a row with every new
 * page, route or action; the tests fail when an action is missing from the table.
 * Its words are in role-matrix-terms.ts, its server actions in role-matrix-actions.ts.
 */
import { actionRows } from "./role-matrix-actions";
import {
  absentId,
  pageFor,
  routeFor,
  everyone,
  makers,
  financeAndAdmin,
  admins,
  publicAccess,
  type MatrixRow,
} from "./role-matrix-terms";

export { absentId, audiences, type Access, type Audience } from "./role-matrix-terms";

export const roleMatrix: readonly MatrixRow[] = [
  // Pages
  {
    kind: "page",
    target: "/login",
    permission: "public",
    expect: { anonymous: "allow", finance: "home", operator: "home", admin: "home" },
  },
  // Exists only while there is no account: "not found" for everyone after the first run.
  { kind: "page", target: "/setup", permission: "public", expect: publicAccess },
  {
    kind: "page",
    target: "/invite/not-a-real-invitation",
    permission: "public",
    expect: publicAccess,
  },
  { kind: "page", target: "/forgot-password", permission: "public", expect: publicAccess },
  {
    kind: "page",
    target: "/reset-password/not-a-real-link",
    permission: "public",
    expect: publicAccess,
  },
  {
    kind: "page",
    target: "/transactions",
    permission: "transactions:read",
    expect: pageFor(everyone),
  },
  {
    kind: "page",
    target: `/transactions/${absentId}`,
    permission: "transactions:read",
    expect: pageFor(everyone),
  },
  { kind: "page", target: "/payments/new", permission: "payments:create", expect: pageFor(makers) },
  {
    kind: "page",
    target: "/payments/new/payment-link",
    permission: "payments:create",
    expect: pageFor(makers),
  },
  { kind: "page", target: "/profile", permission: "profile:update", expect: pageFor(everyone) },
  {
    kind: "page",
    target: "/profile/two-factor",
    permission: "profile:update",
    expect: pageFor(everyone),
  },
  { kind: "page", target: "/team", permission: "team:manage", expect: pageFor(admins) },
  { kind: "page", target: "/settings", permission: "settings:manage", expect: pageFor(admins) },
  {
    kind: "page",
    target: "/settings/email",
    permission: "settings:manage",
    expect: pageFor(admins),
  },
  { kind: "page", target: "/outbox", permission: "settings:manage", expect: pageFor(admins) },
  { kind: "page", target: "/audit", permission: "audit:read", expect: pageFor(admins) },
  {
    kind: "page",
    target: "/overview",
    permission: "overview:read",
    expect: pageFor(everyone),
  },
  {
    kind: "page",
    target: "/reconciliation",
    permission: "reconciliation:read",
    expect: pageFor(financeAndAdmin),
  },
  {
    kind: "page",
    target: "/reconciliation/2026-01-01",
    permission: "reconciliation:read",
    expect: pageFor(financeAndAdmin),
  },
  {
    kind: "page",
    target: "/callbacks",
    permission: "callbacks:read",
    expect: pageFor(financeAndAdmin),
  },
  {
    kind: "page",
    target: `/callbacks/${absentId}`,
    permission: "callbacks:read",
    expect: pageFor(financeAndAdmin),
  },

  {
    kind: "page",
    target: "/gateway-calls",
    permission: "gateway-calls:read",
    expect: pageFor(admins),
  },
  {
    kind: "page",
    target: "/relay",
    permission: "relay:manage",
    expect: pageFor(admins),
  },

  // Route handlers
  {
    kind: "route",
    target: "/api/health",
    method: "GET",
    permission: "public",
    expect: publicAccess,
  },
  {
    // 200 or 503 by the app's own state, never 401 (the e2e app is ready: its job runner
    // runs the email sender, and every callback it received is applied).
    kind: "route",
    target: "/api/ready",
    method: "GET",
    permission: "public",
    expect: publicAccess,
  },
  {
    // No session: METRICS_TOKEN, or loopback without one (e2e calls from loopback, no token).
    kind: "route",
    target: "/api/metrics",
    method: "GET",
    permission: "public",
    expect: publicAccess,
  },
  {
    kind: "route",
    target: "/api/transactions",
    method: "GET",
    permission: "transactions:read",
    expect: routeFor(everyone),
  },
  {
    kind: "route",
    target: "/api/audit/export",
    method: "GET",
    permission: "audit:read",
    expect: routeFor(admins),
  },
  {
    kind: "route",
    target: "/api/settings/logo",
    method: "GET",
    permission: "signed-in",
    expect: routeFor(everyone),
  },
  {
    // No session at all: the HMAC signature is the caller's proof, so unsigned is 401 for anyone.
    kind: "route",
    target: "/api/webhooks/purwantara",
    method: "POST",
    permission: "public",
    expect: { anonymous: 401, finance: 401, operator: 401, admin: 401 },
  },
  {
    kind: "route",
    target: "/api/transactions/export/csv",
    method: "GET",
    permission: "transactions:export",
    expect: routeFor(financeAndAdmin),
  },
  {
    kind: "route",
    target: "/api/transactions/export/xlsx",
    method: "GET",
    permission: "transactions:export",
    expect: routeFor(financeAndAdmin),
  },
  {
    kind: "route",
    target: `/api/refunds/${absentId}/proof`,
    method: "GET",
    permission: "refunds:approve",
    expect: routeFor(financeAndAdmin),
  },
  {
    kind: "route",
    target: "/api/refunds/export?from=2026-11-01&to=2026-11-30",
    method: "GET",
    permission: "transactions:export",
    expect: routeFor(financeAndAdmin),
  },
  ...actionRows,
];
