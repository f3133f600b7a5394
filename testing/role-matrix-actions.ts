import type { MatrixRow } from "./role-matrix-terms";
import {
  actionFor,
  everyone,
  makers,
  financeAndAdmin,
  admins,
  publicAccess,
} from "./role-matrix-terms";

/** The role matrix's server actions (see role-matrix.ts). */
export const actionRows: readonly MatrixRow[] = [
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
  {
    kind: "action",
    target: "transactions/[id]#dismissMaybePaidTwiceAction",
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
      "profile#updateNoticesAction",
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
    target: "reconciliation/[day]#reviewAdjustmentAction",
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
  ...(
    ["addRelayEndpointAction", "changeRelayEndpointAction", "manageRelayEndpointAction"] as const
  ).map((name) => ({
    kind: "action" as const,
    target: `relay#${name}`,
    permission: "relay:manage" as const,
    expect: actionFor(admins),
  })),
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
  ...(["saveSmtpAction", "clearSmtpAction", "sendTestEmailAction"] as const).map((name) => ({
    kind: "action" as const,
    target: `settings/email#${name}`,
    permission: "settings:manage" as const,
    expect: actionFor(admins),
  })),
  {
    kind: "action",
    target: "settings/self-test-actions#runCallbackSelfTestAction",
    permission: "settings:manage",
    expect: actionFor(admins),
  },
  {
    kind: "action",
    target: "outbox#resendEmailAction",
    permission: "settings:manage",
    expect: actionFor(admins),
  },
];
