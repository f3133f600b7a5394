import { Auth, type AuthConfig } from "@auth/core";
import { CredentialsSignin } from "@auth/core/errors";
import Credentials from "@auth/core/providers/credentials";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { databaseErrorCodes } from "@/lib/errors";
import { findFreePort } from "@/tools/embedded-postgres";
import { headersFrom, insertTestUser } from "@/testing/accounts";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { authErrorLog, authLogger } from "./auth-log";
import { signInWithPassword } from "./sign-in";

const db = withTestDatabase();
const base = "http://app.test/api/auth";
const password = "lumbung-padi-emas-33";

/** Auth.js itself (the library under next-auth) with our logger and the real sign-in. */
const config = (): AuthConfig => ({
  secret: "s".repeat(32),
  trustHost: true,
  basePath: "/api/auth",
  logger: authLogger,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(input, request) {
        const { email, password } = input as { email: string; password: string };
        const result = await signInWithPassword({ email, password, headers: request.headers });
        return result.status === "signed_in" ? { id: result.userId } : null;
      },
    }),
  ],
});

/** Every console.error call, each as one printed line or a failure of that rule. */
function errorLines(spy: { mock: { calls: unknown[][] } }): string[] {
  return spy.mock.calls.map((args) => {
    expect(args, "one argument, a string").toEqual([expect.any(String)]);
    const line = String(args[0]);
    expect(line, "no stack trace").not.toContain("\n");
    return line;
  });
}

describe("Auth.js log lines", () => {
  afterEach(() => vi.restoreAllMocks());

  it("a forged session cookie: one line, no stack", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const cookie = "authjs.session-token=eyJhbGciOiJkaXIifQ.forged.cookie.value.x";
    const response = await Auth(new Request(`${base}/session`, { headers: { cookie } }), config());
    expect(await response.json()).toBeNull(); // treated as signed out
    const lines = errorLines(errors);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[auth\] JWTSessionError: .*could not be decrypted/);
  });

  it("a database error at sign-in: its code only, never the email bound to the query", async () => {
    const email = `log-${Date.now()}@example.com`;
    await insertTestUser(db.url(), { email, password });
    const csrf = await Auth(new Request(`${base}/csrf`), config());
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    await queryTestDb(db.url(), "alter table users rename to users_away");
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const headers = headersFrom("10.80.0.1", {
        cookie,
        "content-type": "application/x-www-form-urlencoded",
      });
      const body = new URLSearchParams({ csrfToken, email, password });
      await Auth(
        new Request(`${base}/callback/credentials`, { method: "POST", headers, body }),
        config(),
      );
    } finally {
      await queryTestDb(db.url(), "alter table users_away rename to users");
    }
    const lines = errorLines(errors);
    expect(lines).toEqual(["[auth] CallbackRouteError: database error (42P01)"]);
    expect(lines.join()).not.toContain(email.split("@")[0]);
  });

  it("a wrong password is no error; anything else keeps its detail", () => {
    class Limited extends CredentialsSignin {
      override code = "rate_limited";
    }
    expect(authErrorLog(new CredentialsSignin())).toBeNull();
    expect(authErrorLog(new Limited())).toBeNull();
    const bug = new TypeError("x is not a function");
    expect(authErrorLog(bug)).toEqual({ line: "[auth] TypeError", detail: bug });
  });
});

describe("databaseErrorCodes", () => {
  it("finds the codes of query and connection failures, and nothing in other errors", async () => {
    const refused = new pg.Client({
      connectionString: `postgres://x@127.0.0.1:${await findFreePort()}/x`,
    });
    const connectError = await refused.connect().then(
      () => null,
      (error: unknown) => error,
    );
    expect(databaseErrorCodes(connectError)).toEqual(["ECONNREFUSED"]);
    const client = new pg.Client({ connectionString: db.url() });
    await client.connect();
    const queryError = await client.query("select $1::uuid", ["secret@example.com"]).then(
      () => null,
      (error: unknown) => error,
    );
    await client.end();
    expect(databaseErrorCodes(queryError)).toEqual(["22P02"]);
    expect(databaseErrorCodes(new Error("plain"))).toBeNull();
    expect(databaseErrorCodes(Object.assign(new Error("fs"), { code: "ENOENT" }))).toBeNull();
  });
});
