import { beforeAll, describe, expect, it, vi } from "vitest";
import en from "@/messages/en.json";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import type { CurrentUser } from "@/lib/auth/session";
import { queryTestDb, withTestDatabase } from "@/lib/testing/database";
import { absentId, roleMatrix, type Audience } from "./role-matrix";

// The one thing faked: who is calling. Everything behind protectedAction is real.
const caller = vi.hoisted(() => ({ current: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => caller.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "127.0.0.1:9" }) }));
vi.mock("next-intl/server", () => {
  const lookup = (path: string) =>
    path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], en);
  const translator = (namespace?: string) => {
    const full = (key: string) => (namespace ? `${namespace}.${key}` : key);
    const t = (key: string, values: Record<string, unknown> = {}) =>
      String(lookup(full(key)) ?? full(key)).replace(/\{(\w+)\}/g, (_, n: string) =>
        String(values[n] ?? ""),
      );
    t.has = (key: string) => typeof lookup(full(key)) === "string";
    return t;
  };
  return {
    getTranslations: async (arg?: string | { namespace?: string }) =>
      translator(typeof arg === "string" ? arg : arg?.namespace),
    getLocale: async () => "en",
    getTimeZone: async () => "Asia/Jakarta",
  };
});

const db = withTestDatabase();
type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** Each role-gated action of the table, called as a form post with an empty form. */
async function actionsByTarget(): Promise<Record<string, Action>> {
  const payments = await import("@/app/(dashboard)/payments/new/[channel]/actions");
  const transaction = await import("@/app/(dashboard)/transactions/[id]/actions");
  const preferences = await import("@/app/actions/preferences");
  const team = await import("@/app/(dashboard)/team/actions");
  const settings = await import("@/app/(dashboard)/settings/actions");
  return {
    "payments/new/[channel]#createPaymentAction": payments.createPaymentAction.bind(
      null,
      "payment-link",
    ) as Action,
    "transactions/[id]#cancelPaymentAction": transaction.cancelPaymentAction.bind(null, absentId),
    "transactions/[id]#checkStatusAction": transaction.checkStatusAction.bind(null, absentId),
    "actions/preferences#updatePreferencesAction": preferences.updatePreferencesAction,
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
  };
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
    };
  }
});

const gated = roleMatrix.filter(
  (row) => row.kind === "action" && row.permission !== "public" && row.permission !== "signed-in",
);

describe("role matrix: server actions", () => {
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
        const state = await action(idleState, new FormData());
        const message = state.status === "idle" ? "" : state.message;
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
});
