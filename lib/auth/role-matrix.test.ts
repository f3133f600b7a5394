import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import en from "@/messages/en.json";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import type { CurrentUser } from "@/lib/auth/session";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { absentId, roleMatrix, type Audience } from "../../testing/role-matrix";

// The one thing faked: who is calling. Everything behind protectedAction is real.
const caller = vi.hoisted(() => ({ current: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => caller.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "127.0.0.1:9" }) }));
vi.mock("next-intl/server", async () =>
  (await import("@/testing/english-intl-server")).englishIntlServer(),
);

const db = withTestDatabase();
type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** Each role-gated action of the table, called as a form post with an empty form. */
async function actionsByTarget(): Promise<Record<string, Action>> {
  const payments = await import("@/app/(dashboard)/payments/new/[channel]/actions");
  const transaction = await import("@/app/(dashboard)/transactions/[id]/actions");
  const preferences = await import("@/app/actions/preferences");
  const team = await import("@/app/(dashboard)/team/actions");
  const settings = await import("@/app/(dashboard)/settings/actions");
  const profile = await import("@/app/(dashboard)/profile/actions");
  const reconciliation = await import("@/app/(dashboard)/reconciliation/[day]/actions");
  const callbacks = await import("@/app/(dashboard)/callbacks/[id]/actions");
  const callbackLog = await import("@/app/(dashboard)/callbacks/actions");
  const relay = await import("@/app/(dashboard)/relay/actions");
  const emailSettings = await import("@/app/(dashboard)/settings/email/actions");
  const selfTest = await import("@/app/(dashboard)/settings/self-test-actions");
  const outbox = await import("@/app/(dashboard)/outbox/actions");
  return {
    "payments/new/[channel]#createPaymentAction": payments.createPaymentAction.bind(
      null,
      "payment-link",
    ) as Action,
    "transactions/[id]#cancelPaymentAction": transaction.cancelPaymentAction.bind(null, absentId),
    "transactions/[id]#checkStatusAction": transaction.checkStatusAction.bind(null, absentId),
    "transactions/[id]#requestRefundAction": transaction.requestRefundAction.bind(null, absentId),
    "transactions/[id]#decideRefundAction": transaction.decideRefundAction.bind(
      null,
      absentId,
      absentId,
      "approved",
    ),
    "transactions/[id]#dismissMaybePaidTwiceAction": transaction.dismissMaybePaidTwiceAction.bind(
      null,
      absentId,
    ),
    "actions/preferences#updatePreferencesAction": preferences.updatePreferencesAction,
    "profile#updateNameAction": profile.updateNameAction,
    "profile#changePasswordAction": profile.changePasswordAction,
    "profile#endSessionAction": profile.endSessionAction,
    "profile#endOtherSessionsAction": profile.endOtherSessionsAction,
    "profile#startTwoFactorAction": profile.startTwoFactorAction,
    "profile#confirmTwoFactorAction": profile.confirmTwoFactorAction as Action,
    "profile#disableTwoFactorAction": profile.disableTwoFactorAction,
    "profile#updateNoticesAction": profile.updateNoticesAction,
    "reconciliation/[day]#markDayAction": reconciliation.markDayAction.bind(null, "2026-01-01"),
    "reconciliation/[day]#reviewDayAction": reconciliation.reviewDayAction.bind(
      null,
      "2026-01-01",
      "rejected",
    ),
    "reconciliation/[day]#reviewAdjustmentAction": reconciliation.reviewAdjustmentAction.bind(
      null,
      "2026-01-01",
    ),
    "callbacks#reverifyQuarantineAction": callbackLog.reverifyQuarantineAction,
    "callbacks/[id]#manageDeliveryAction": callbacks.manageDeliveryAction.bind(
      null,
      absentId,
      "accept",
    ) as Action,
    "relay#addRelayEndpointAction": relay.addRelayEndpointAction,
    "relay#changeRelayEndpointAction": relay.changeRelayEndpointAction.bind(null, absentId),
    "relay#manageRelayEndpointAction": relay.manageRelayEndpointAction.bind(
      null,
      absentId,
      "pause",
    ),
    "team#inviteMemberAction": team.inviteMemberAction,
    "team#changeMemberAction": team.changeMemberAction.bind(null, absentId),
    "team#revokeInvitationAction": team.revokeInvitationAction.bind(null, absentId),
    "settings#saveGatewayAction": settings.saveGatewayAction.bind(null, "sandbox"),
    "settings#rotateSecretAction": settings.rotateSecretAction.bind(null, "sandbox"),
    "settings#retireSecretAction": settings.retireSecretAction.bind(null, "sandbox"),
    "settings#clearGatewayAction": settings.clearGatewayAction.bind(null, "sandbox"),
    "settings#testConnectionAction": settings.testConnectionAction.bind(null, "sandbox"),
    "settings#sendTestCallbackAction": settings.sendTestCallbackAction.bind(null, "sandbox"),
    "settings#saveMerchantAction": settings.saveMerchantAction,
    "settings#uploadLogoAction": settings.uploadLogoAction,
    "settings#removeLogoAction": settings.removeLogoAction,
    "settings/email#saveSmtpAction": emailSettings.saveSmtpAction,
    "settings/email#clearSmtpAction": emailSettings.clearSmtpAction,
    "settings/email#sendTestEmailAction": emailSettings.sendTestEmailAction,
    "outbox#resendEmailAction": outbox.resendEmailAction,
    "settings/self-test-actions#runCallbackSelfTestAction":
      selfTest.runCallbackSelfTestAction as Action,
  };
}

/** The action's message; a redirect (what a successful step may end in) has none. */
async function messageOf(action: Action): Promise<string> {
  try {
    const state = await action(idleState, new FormData());
    return state.status === "idle" ? "" : state.message;
  } catch (error) {
    if (String((error as { digest?: unknown })?.digest ?? "").startsWith("NEXT_REDIRECT"))
      return "";
    throw error;
  }
}

const users: Partial<Record<Audience, CurrentUser>> = {};
const sessionEnded = en.actions.sessionEnded;
const refusedFor = (role: string) =>
  en.actions.roleNotAllowed.replace("{role}", en.role[role as keyof typeof en.role]);

beforeAll(async () => {
  for (const role of ["finance", "operator", "admin"] as const) {
    const email = `matrix-${role}@example.com`;
    const [row] = await queryTestDb<{ id: string }>(
      db.url(),
      "insert into users (email, name, password_hash, role) values ($1, $2, 'x', $3) returning id",
      [email, `Matrix ${role}`, role],
    );
    users[role] = {
      id: row!.id,
      email,
      name: `Matrix ${role}`,
      role,
      locale: "en",
      timeZone: "Asia/Jakarta",
      sessionId: crypto.randomUUID(),
      twoFactorEnabled: false,
    };
  }
});

const gated = roleMatrix.filter(
  (row) => row.kind === "action" && row.permission !== "public" && row.permission !== "signed-in",
);

/**
 * Every exported function of every "use server" module under app/, as
 * `<module>#<export>` (the module is its path under app/ without the route group and
 * without a trailing /actions.ts).
 */
function serverActionsInApp(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const text = readFileSync(full, "utf8");
        if (!/^["']use server["'];/m.test(text)) continue;
        let key = path.relative("app", full).replace(/\.tsx?$/, "");
        if (key.endsWith("/actions")) key = key.slice(0, -"/actions".length);
        key = key.replace(/^\((auth|dashboard)\)\//, "");
        for (const match of text.matchAll(/^export (?:async function|const) (\w+)/gm))
          found.push(`${key}#${match[1]}`);
      }
    }
  };
  walk("app");
  return found.sort();
}

describe("role matrix: server actions", () => {
  it("has a row for every server action in app/, and no row for one that does not exist", () => {
    const listed = roleMatrix.filter((row) => row.kind === "action").map((row) => row.target);
    expect([...listed].sort()).toEqual(serverActionsInApp());
  });

  it("has a row for every role-gated action this walk can call, and no row it cannot", async () => {
    expect(gated.map((row) => row.target).sort()).toEqual(
      Object.keys(await actionsByTarget()).sort(),
    );
  });

  for (const row of gated) {
    it(`${row.target}: ${JSON.stringify(row.expect)}`, async () => {
      const action = (await actionsByTarget())[row.target]!;
      for (const audience of ["anonymous", "finance", "operator", "admin"] as const) {
        caller.current = audience === "anonymous" ? null : users[audience]!;
        const auditBefore = await queryTestDb<{ n: number }>(
          db.url(),
          "select count(*)::int as n from audit_log",
        );
        const message = await messageOf(action);
        const expected = row.expect[audience];
        if (expected === "login") expect(message, audience).toBe(sessionEnded);
        else if (expected === 403) {
          expect(message, audience).toBe(refusedFor(audience));
          const auditAfter = await queryTestDb<{ n: number }>(
            db.url(),
            "select count(*)::int as n from audit_log",
          );
          expect(auditAfter[0]!.n, `${audience} left a trace`).toBe(auditBefore[0]!.n);
        } else {
          expect(message, audience).not.toBe(sessionEnded);
          expect(message, audience).not.toBe(refusedFor(audience));
        }
      }
    });
  }

  // A person an admin asked to choose a new password, or an admin while two-factor
  // sign-in is required and not set up, reaches only the profile's own steps: the
  // same hold as the pages' redirects, for a POST made without the page.
  for (const row of gated) {
    it(`${row.target}: held back by a forced reset and by required 2FA`, async () => {
      const action = (await actionsByTarget())[row.target]!;
      const exempt = row.permission === "profile:update";
      const allowed = (["admin", "operator", "finance"] as const).filter(
        (role) => row.expect[role] !== 403 && row.expect[role] !== "login",
      );
      for (const role of allowed) {
        caller.current = { ...users[role]!, mustChangePassword: true };
        const message = await messageOf(action);
        if (exempt) expect(message, role).not.toBe(en.actions.held.passwordChange);
        else expect(message, role).toBe(en.actions.held.passwordChange);
      }
      if (!allowed.includes("admin")) return;
      const previous = process.env.REQUIRE_ADMIN_TWO_FACTOR;
      process.env.REQUIRE_ADMIN_TWO_FACTOR = "true";
      try {
        caller.current = users.admin!;
        const message = await messageOf(action);
        if (exempt) expect(message).not.toBe(en.actions.held.twoFactorSetup);
        else expect(message).toBe(en.actions.held.twoFactorSetup);
        caller.current = { ...users.admin!, twoFactorEnabled: true };
        expect(await messageOf(action)).not.toBe(en.actions.held.twoFactorSetup);
      } finally {
        if (previous === undefined) delete process.env.REQUIRE_ADMIN_TWO_FACTOR;
        else process.env.REQUIRE_ADMIN_TWO_FACTOR = previous;
      }
    });
  }
});
