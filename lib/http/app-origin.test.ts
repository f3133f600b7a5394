import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { insertTestUser } from "@/testing/accounts";
import { withTestDatabase } from "@/testing/database";

// A stranger's request: every header that names a host points at their server.
const forged = {
  host: "evil.example",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
};
const caller = vi.hoisted(() => ({ current: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => caller.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(forged) }));
vi.mock("next-intl/server", () => ({
  getTranslations:
    async () =>
    (key: string, values: Record<string, unknown> = {}) =>
      `${key} ${JSON.stringify(values)}`,
}));

const db = withTestDatabase();
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

beforeAll(async () => {
  // No APP_URL and no PORT: the loopback default of development and tests.
  delete process.env.APP_URL;
  delete process.env.PORT;
  const email = `origin-${randomUUID().slice(0, 8)}@example.com`;
  const id = await insertTestUser(db.url(), { email, password: "admin password", role: "admin" });
  caller.current = {
    id,
    email,
    name: "Admin",
    role: "admin",
    locale: "en",
    timeZone: "Asia/Jakarta",
    sessionId: randomUUID(),
    twoFactorEnabled: false,
  };
});

describe("links and URLs the app builds never come from the request's Host", () => {
  it("an invitation link starts with the app's own origin, not X-Forwarded-Host", async () => {
    const { inviteMemberAction } = await import("@/app/(dashboard)/team/actions");
    const state = await inviteMemberAction(
      { status: "idle" },
      form({ email: `new-${randomUUID().slice(0, 8)}@example.com`, role: "operator" }),
    );
    expect(state.status).toBe("success");
    const link = state.status === "success" ? String(state.data?.link) : "";
    expect(link).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]+$/);
  });

  it("the test callback goes to the app's own callback route, not where the headers point", async () => {
    const { sendTestCallbackAction } = await import("@/app/(dashboard)/settings/actions");
    const state = await sendTestCallbackAction("local", { status: "idle" }, form({}));
    const message = "message" in state ? String(state.message) : "";
    expect(message).toContain("http://localhost:3000/api/webhooks/purwantara");
    expect(message).not.toContain("evil.example");
  });
});
