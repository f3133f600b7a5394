import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import en from "@/messages/en.json";
import { idleState } from "@/lib/actions/action-state";
import { startJobQueue, type JobQueue } from "@/lib/jobs/queue";
import { stopJobSender } from "@/lib/jobs/enqueue";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { withMailCatcher } from "@/testing/mail";
import { createInvitation, readInvitation } from "@/lib/team/invitations";
import {
  passwordResetRules,
  readResetLink,
  requestPasswordReset,
  resetPassword,
} from "./password-reset";

// The action's module reaches Auth.js through the action helpers; no session is involved here.
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => null }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "127.0.0.1:9", "x-forwarded-for": "203.0.113.9" }),
}));
vi.mock("next-intl/server", () => {
  const lookup = (path: string) =>
    path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], en);
  const translator = (namespace?: string) => {
    const t = (key: string, values: Record<string, unknown> = {}) =>
      String(lookup(namespace ? `${namespace}.${key}` : key)).replace(
        /\{(\w+)\}/g,
        (_, n: string) => String(values[n] ?? ""),
      );
    t.has = () => true;
    return t;
  };
  return { getTranslations: async (ns?: string) => translator(ns) };
});

const db = withTestDatabase();
const { mail } = withMailCatcher();
const sql = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
  queryTestDb<T>(db.url(), text, params);

let runner: JobQueue;
beforeAll(async () => {
  // As the app runs it: pg-boss as the runtime role, whose schema the app's sender shares.
  runner = await startJobQueue({
    connectionString: db.runtimeUrl(),
    pollingIntervalSeconds: 0.5,
    email: { outbox: { retryBaseSeconds: 1 } },
  });
}, 60_000);
afterAll(async () => {
  await runner.stop();
  await stopJobSender();
}, 30_000);

async function person(locale: "id" | "en", options: { disabled?: boolean } = {}) {
  const email = `reset-${randomUUID().slice(0, 8)}@people.example.com`;
  const [row] = await sql<{ id: string }>(
    `insert into users (email, name, password_hash, role, locale, disabled_at)
     values ($1, 'Sari', 'x', 'operator', $2, $3) returning id`,
    [email, locale, options.disabled ? new Date() : null],
  );
  return { id: row!.id, email };
}

const origin = "http://dashboard.test";
const tokenFrom = (text: string | null) =>
  /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(text ?? "")?.[1];

describe("forgot password", () => {
  it("emails a one-time link in the person's language; using it ends every session, lifts a lock, and is audited", async () => {
    const { id, email } = await person("id");
    await sql(
      "insert into sessions (user_id, expires_at, absolute_expires_at) values ($1, now() + interval '1 hour', now() + interval '1 day')",
      [id],
    );
    const digest = createHash("sha256").update(email).digest("hex").slice(0, 32);
    await sql("insert into login_counters (key, count) values ($1, 25)", [
      `account-hour:${digest}`,
    ]);

    await requestPasswordReset({ email: email.toUpperCase(), ip: "198.51.100.7", origin });
    const [message] = await mail.waitFor(email);
    expect(message).toMatchObject({
      to: [email],
      subject: "Atur ulang kata sandi Anda untuk Dasbor pembayaran",
    });
    expect(message!.headers["content-language"]).toBe("id");
    expect(message!.text).toContain("Pilih kata sandi baru");
    const token = tokenFrom(message!.text)!;
    expect(message!.html).toContain(`${origin}/reset-password/${token}`);
    // Only the hash is kept; the outbox holds the link sealed.
    const stored = await sql<{ token_hash: string; minutes: number }>(
      "select token_hash, extract(epoch from expires_at - created_at)::int / 60 as minutes from password_reset_tokens where user_id = $1",
      [id],
    );
    expect(stored).toEqual([
      {
        token_hash: expect.not.stringContaining(token),
        minutes: passwordResetRules.lifetimeMinutes,
      },
    ]);
    const outbox = await sql<{ data: unknown; secrets_sealed: string }>(
      "select data, secrets_sealed from email_outbox where recipient = $1",
      [email],
    );
    expect(JSON.stringify(outbox)).not.toContain(token);

    expect(await readResetLink(token)).toBe("valid");
    expect(await resetPassword(token, "a brand new passphrase", "198.51.100.7")).toEqual({
      ok: true,
      email,
    });
    expect(await resetPassword(token, "another new passphrase", null)).toEqual({
      ok: false,
      reason: "used",
    });
    expect(await readResetLink(token)).toBe("used");

    const sessions = await sql<{ revoked_reason: string | null }>(
      "select revoked_reason from sessions where user_id = $1",
      [id],
    );
    expect(sessions).toEqual([{ revoked_reason: "password_reset" }]);
    expect(
      await sql("select 1 from login_counters where key = $1", [`account-hour:${digest}`]),
    ).toEqual([]);
    const audit = await sql<{ action: string }>(
      "select action from audit_log where target_id = $1 order by id",
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      "auth.password_reset_requested",
      "auth.password_reset",
      "auth.sessions_ended",
    ]);
  }, 30_000);

  it("answers the same for an unknown or disabled account, and sends nothing", async () => {
    const { requestPasswordResetAction } = await import("@/app/(auth)/forgot-password/actions");
    const answer = async (email: string) => {
      const form = new FormData();
      form.set("email", email);
      return requestPasswordResetAction(idleState, form);
    };
    const known = await person("en");
    const disabled = await person("en", { disabled: true });
    const unknown = `nobody-${randomUUID().slice(0, 8)}@people.example.com`;
    const answers = await Promise.all([
      answer(known.email),
      answer(disabled.email),
      answer(unknown),
    ]);
    const shape = (state: (typeof answers)[number], email: string) =>
      state.status === "success" ? state.message.replace(email, "<email>") : state;
    expect(shape(answers[1]!, disabled.email)).toEqual(shape(answers[0]!, known.email));
    expect(shape(answers[2]!, unknown)).toEqual(shape(answers[0]!, known.email));

    const [message] = await mail.waitFor(known.email);
    expect(message!.subject).toBe("Reset your password for Payments dashboard");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await mail.messagesTo(disabled.email)).toEqual([]);
    expect(await mail.messagesTo(unknown)).toEqual([]);
    expect(
      await sql("select 1 from email_outbox where recipient in ($1, $2)", [
        disabled.email,
        unknown,
      ]),
    ).toEqual([]);
  }, 30_000);

  it("sends at most three links per account an hour, whatever the address asking", async () => {
    const { email } = await person("en");
    for (let i = 0; i < 5; i++)
      await requestPasswordReset({ email, ip: `192.0.2.${i + 1}`, origin });
    await mail.waitFor(email, { count: 3 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await mail.messagesTo(email)).toHaveLength(passwordResetRules.perAccountPerHour);
  }, 30_000);
});

describe("invitations by email", () => {
  it("emails the invitee in the chosen language, with a link that opens the invitation", async () => {
    const [admin] = await sql<{ id: string }>(
      "insert into users (email, name, password_hash, role) values ($1, 'Budi Admin', 'x', 'admin') returning id",
      [`admin-${randomUUID().slice(0, 8)}@people.example.com`],
    );
    const to = `invitee-${randomUUID().slice(0, 8)}@people.example.com`;
    const { token, emailed } = await createInvitation(
      { email: to, role: "finance", actorId: admin!.id, ip: null, locale: "en" },
      { accountExists: "exists" },
      { inviterName: "Budi Admin", link: (t) => `${origin}/invite/${t}`, timeZone: "Asia/Jakarta" },
    );
    expect(emailed).toBe(true);
    const [message] = await mail.waitFor(to);
    expect(message).toMatchObject({
      to: [to],
      subject: "Budi Admin invites you to Payments dashboard",
    });
    expect(message!.headers["content-language"]).toBe("en");
    expect(message!.text).toContain("as Finance");
    const linked = /\/invite\/([A-Za-z0-9_-]{43})/.exec(message!.text ?? "")?.[1];
    expect(linked).toBe(token);
    expect((await readInvitation(linked!)).status).toBe("valid");
  }, 30_000);
});
