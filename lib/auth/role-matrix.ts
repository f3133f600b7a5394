import type { Permission } from "./roles";

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

const pageFor = (roles: readonly Audience[]): Expectation => ({
  anonymous: "login",
  finance: roles.includes("finance") ? "allow" : "denied",
  operator: roles.includes("operator") ? "allow" : "denied",
  admin: roles.includes("admin") ? "allow" : "denied",
});
const routeFor = (roles: readonly Audience[]): Expectation => ({
  anonymous: 401,
  finance: roles.includes("finance") ? "allow" : 403,
  operator: roles.includes("operator") ? "allow" : 403,
  admin: roles.includes("admin") ? "allow" : 403,
});
const actionFor = (roles: readonly Audience[]): Expectation => ({
  anonymous: "login",
  finance: roles.includes("finance") ? "allow" : 403,
  operator: roles.includes("operator") ? "allow" : 403,
  admin: roles.includes("admin") ? "allow" : 403,
});
const everyone = ["finance", "operator", "admin"] as const;
const makers = ["operator", "admin"] as const;
const financeAndAdmin = ["finance", "admin"] as const;
const admins = ["admin"] as const;
const publicAccess: Expectation = {
  anonymous: "allow",
  finance: "allow",
  operator: "allow",
  admin: "allow",
};
/** A well-formed id that matches no row: the page is reached, then says "not found". */
export const absentId = "00000000-0000-4000-8000-000000000000";

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

  // Server actions that are not role-gated: the sign-in side (public by nature) and a
  // person's own switches. Listed so the table is complete; the action walk checks the
  // role-gated ones below, and these are covered by the flows that use them.
  ...(
    [
      "login#signInAction",
      "login#verifyTwoFactorAction",
      "login#cancelSignInAction",
      "setup#createFirstAdminAction",
      "invite/[token]#acceptInvitationAction",
      "forgot-password#requestPasswordResetAction",
      "reset-password/[token]#resetPasswordAction",
      "actions/preferences#switchLocaleAction",
    ] as const
  ).map((target) => ({
    kind: "action" as const,
    target,
    permission: "public" as const,
    expect: publicAccess,
  })),
  ...(["(dashboard)#signOutAction", "actions/mode#switchViewAction"] as const).map((target) => ({
    kind: "action" as const,
    target,
    permission: "signed-in" as const,
    expect: publicAccess,
  })),

  // Server actions (role-gated through protectedAction)
  {
    kind: "action",
    target: "payments/new/[channel]#createPaymentAction",
    permission: "payments:create",
    expect: actionFor(makers),
  },
  {
    kind: "action",
    target: "transactions/[id]#cancelPaymentAction",
    permission: "payments:create",
    expect: actionFor(makers),
  },
  {
    kind: "action",
    target: "transactions/[id]#checkStatusAction",
    permission: "transactions:read",
    expect: actionFor(everyone),
  },
  {
    kind: "action",
    target: "transactions/[id]#requestRefundAction",
    permission: "refunds:request",
    expect: actionFor(["operator", "finance"]),
  },
  {
    kind: "action",
    target: "transactions/[id]#decideRefundAction",
    permission: "refunds:approve",
    expect: actionFor(financeAndAdmin),
  },
  ...(
    [
      "actions/preferences#updatePreferencesAction",
      "profile#updateNameAction",
      "profile#changePasswordAction",
      "profile#endSessionAction",
      "profile#endOtherSessionsAction",
      "profile#startTwoFactorAction",
      "profile#confirmTwoFactorAction",
      "profile#disableTwoFactorAction",
    ] as const
  ).map((target) => ({
    kind: "action" as const,
    target,
    permission: "profile:update" as const,
    expect: actionFor(everyone),
  })),
  {
    kind: "action",
    target: "reconciliation/[day]#markDayAction",
    permission: "reconciliation:mark",
    expect: actionFor(["finance"]),
  },
  {
    kind: "action",
    target: "reconciliation/[day]#reviewDayAction",
    permission: "reconciliation:approve",
    expect: actionFor(financeAndAdmin),
  },
  {
    kind: "action",
    target: "callbacks#reverifyQuarantineAction",
    permission: "callbacks:manage",
    expect: actionFor(admins),
  },
  {
    kind: "action",
    target: "callbacks/[id]#manageDeliveryAction",
    permission: "callbacks:manage",
    expect: actionFor(admins),
  },
  ...(["inviteMemberAction", "changeMemberAction", "revokeInvitationAction"] as const).map(
    (name) => ({
      kind: "action" as const,
      target: `team#${name}`,
      permission: "team:manage" as const,
      expect: actionFor(admins),
    }),
  ),
  ...(
    [
      "saveGatewayAction",
      "rotateSecretAction",
      "retireSecretAction",
      "clearGatewayAction",
      "testConnectionAction",
      "sendTestCallbackAction",
      "saveMerchantAction",
      "uploadLogoAction",
      "removeLogoAction",
    ] as const
  ).map((name) => ({
    kind: "action" as const,
    target: `settings#${name}`,
    permission: "settings:manage" as const,
    expect: actionFor(admins),
  })),
];
