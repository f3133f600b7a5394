import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { insertTestUser } from "@/testing/accounts";
import { withTestDatabase } from "@/testing/database";

const db = withTestDatabase();
const password = "sawah-hijau-pagi-72";

/** Signs in through Auth.js's own endpoints at `origin`, as a browser would; returns Set-Cookie. */
async function signInAt(appUrl: string): Promise<string[]> {
  process.env.APP_URL = appUrl;
  vi.resetModules();
  const { handlers } = await import("@/lib/auth");
  const email = `cookie-${randomUUID().slice(0, 8)}@example.com`;
  await insertTestUser(db.url(), { email, password });
  const csrf = await handlers.GET(new NextRequest(`${appUrl}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const answer = await handlers.POST(
    new NextRequest(`${appUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: appUrl }).toString(),
    }),
  );
  expect(answer.status).toBe(302);
  return answer.headers.getSetCookie();
}

const sessionCookie = (cookies: string[]) => cookies.find((c) => /session-token=/.test(c));

describe("the session cookie", () => {
  it("is __Host- over HTTPS: Secure, Path=/, no Domain", async () => {
    const cookie = sessionCookie(await signInAt("https://pay.example.com"));
    expect(cookie).toMatch(/^__Host-authjs\.session-token=[^;]+;/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; Path=\/(;|$)/);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it("keeps the plain name on http://localhost, where a Secure cookie cannot be set", async () => {
    const cookie = sessionCookie(await signInAt("http://localhost:3000"));
    expect(cookie).toMatch(/^authjs\.session-token=[^;]+;/);
    expect(cookie).not.toMatch(/; Secure/i);
  });
});
