import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import en from "@/messages/en.json";
import id from "@/messages/id.json";
import type { CurrentUser } from "@/lib/auth/session";
import { insertTestUser } from "@/testing/accounts";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { hashResetToken, readResetLink, resetPassword } from "./password-reset";

const caller = vi.hoisted(() => ({ current: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => caller.current }));
vi.mock("@/lib/auth", () => ({ auth: async () => null }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next-intl/server", async () =>
  (await import("@/testing/english-intl-server")).englishIntlServer(),
);

const db = withTestDatabase();
const current = "lintasan-kopi-senja-81";
const sameMessage = en.validation.passwordSameAsCurrent;

async function person() {
  const email = `same-${randomUUID().slice(0, 8)}@example.com`;
  const userId = await insertTestUser(db.url(), { email, password: current });
  return { userId, email };
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe("a new password equal to the current one is refused", () => {
  it("says so in both languages", () => {
    expect(sameMessage).toMatch(/current password/);
    expect(id.validation.passwordSameAsCurrent).toMatch(/kata sandi Anda sekarang/);
  });

  it("on the profile page's change of password", async () => {
    const { userId, email } = await person();
    caller.current = {
      id: userId,
      email,
      name: "Tester",
      role: "operator",
      locale: "en",
      timeZone: "Asia/Jakarta",
      sessionId: randomUUID(),
      twoFactorEnabled: false,
    };
    const { changePasswordAction } = await import("@/app/(dashboard)/profile/actions");
    const fields = { currentPassword: current, password: current, confirm: current };
    const state = await changePasswordAction({ status: "idle" }, form(fields));
    expect(state).toMatchObject({
      status: "error",
      fieldErrors: { password: [sameMessage] },
    });
    const [row] = await queryTestDb<{ audits: number }>(
      db.url(),
      "select count(*)::int as audits from audit_log where target_id = $1 and action = 'auth.password_changed'",
      [userId],
    );
    expect(row!.audits).toBe(0);
  });

  it("through a reset link, which stays usable for another password", async () => {
    const { userId, email } = await person();
    const token = randomBytes(32).toString("base64url");
    await queryTestDb(
      db.url(),
      "insert into password_reset_tokens (user_id, token_hash, expires_at) values ($1, $2, now() + interval '30 minutes')",
      [userId, hashResetToken(token)],
    );
    const { resetPasswordAction } = await import("@/app/(auth)/reset-password/[token]/actions");
    const state = await resetPasswordAction(
      token,
      { status: "idle" },
      form({ password: current, confirm: current }),
    );
    expect(state).toMatchObject({
      status: "error",
      message: sameMessage,
      fieldErrors: { password: [sameMessage] },
    });
    expect(await readResetLink(token)).toBe("valid");
    expect(await resetPassword(token, "a different passphrase", null)).toEqual({
      ok: true,
      email,
    });
  });
});
