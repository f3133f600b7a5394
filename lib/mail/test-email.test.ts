import { randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { resetSecretKeyring } from "@/lib/crypto/secret-box";
import { stopJobSender } from "@/lib/jobs/enqueue";
import { insertTestUser } from "@/testing/accounts";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { mailCatcherClient } from "@/tools/mail-catcher/client";
import { deliverOutboxRow } from "./outbox";
import { resendOutboxEmail, sendTestEmail, type EmailActor } from "./outbox-admin";
import { getSmtpConfig, getSmtpSettingsView, saveSmtpSettings } from "./smtp-settings";

/** Saved SMTP settings (no SMTP_URL here) against the run's real mail catcher. */
const db = withTestDatabase();
const mail = mailCatcherClient(inject("mailCatcherUrl"));
let actor: EmailActor;

beforeAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  process.env.SETTINGS_ENCRYPTION_KEY = randomBytes(32).toString("base64");
  resetSecretKeyring();
  const id = await insertTestUser(db.url(), {
    email: `admin-${randomUUID().slice(0, 8)}@example.com`,
    password: "x",
    role: "admin",
  });
  actor = { id, name: "Ayu Admin", ip: "203.0.113.9" };
});
afterAll(() => stopJobSender(), 30_000);

const address = (name: string) => `${name}-${randomUUID().slice(0, 8)}@settings.example.com`;
const catcher = {
  host: "127.0.0.1",
  port: inject("mailCatcherSmtpPort"),
  tls: "none" as const,
  user: "mailer",
  password: "s3cret-smtp-password",
  clearPassword: false,
  fromName: "Toko Kopi Nusantara",
  fromAddress: "no-reply@kopi.example.com",
};

/** A port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("SMTP settings and the test email", () => {
  it("saves the server with its password sealed, shows only that one is set, audits names only", async () => {
    expect((await getSmtpConfig()).source).toBe("none");
    expect(await sendTestEmail({ to: address("none"), locale: "en" }, actor)).toEqual({
      kind: "notConfigured",
    });
    const fields = await saveSmtpSettings(catcher, actor);
    expect(fields).toEqual(expect.arrayContaining(["smtpHost", "smtpPassword", "smtpFromAddress"]));
    const [row] = await queryTestDb<{ password_sealed: string }>(
      db.url(),
      "select password_sealed from smtp_settings",
    );
    expect(row!.password_sealed).not.toContain(catcher.password);
    const view = await getSmtpSettingsView();
    expect(view).toMatchObject({ source: "settings", environment: null });
    expect(view.saved).toMatchObject({ host: "127.0.0.1", passwordSet: true, user: "mailer" });
    expect(JSON.stringify(view)).not.toContain(catcher.password);
    const config = await getSmtpConfig();
    expect(config).toMatchObject({ source: "settings", config: { password: catcher.password } });
    // Saving again without a password keeps it; clearing it forgets it.
    expect(await saveSmtpSettings({ ...catcher, password: null }, actor)).toEqual([]);
    expect((await getSmtpSettingsView()).saved?.passwordSet).toBe(true);
    await saveSmtpSettings({ ...catcher, password: null, clearPassword: true }, actor);
    expect((await getSmtpSettingsView()).saved?.passwordSet).toBe(false);
    const audit = await queryTestDb<{ details: { fields: string[] } }>(
      db.url(),
      "select details from audit_log where action = 'settings.changed' and target_type = 'smtp_settings' order by at",
    );
    expect(audit.map((a) => a.details.fields)).toEqual([fields, ["smtpPasswordCleared"]]);
    expect(JSON.stringify(audit)).not.toContain(catcher.password);
  });

  it("says delivered when the catcher takes it, and the email arrives from the saved sender", async () => {
    await saveSmtpSettings(catcher, actor);
    const to = address("delivered");
    expect(await sendTestEmail({ to, locale: "id" }, actor)).toEqual({ kind: "delivered" });
    const [message] = await mail.waitFor(to);
    expect(message!.from).toContain("no-reply@kopi.example.com");
    expect(message!.subject).toMatch(/Email uji/i);
    expect(message!.text).toContain("Ayu Admin");
    const rows = await queryTestDb<{ template: string; state: string; tries: number }>(
      db.url(),
      "select template, state, tries from email_outbox where recipient = $1",
      [to],
    );
    expect(rows).toEqual([{ template: "test", state: "sent", tries: 1 }]);
  });

  it("says refused with the server's answer when the server refuses the mailbox", async () => {
    await saveSmtpSettings(catcher, actor);
    const to = address("refused");
    await mail.refuse(to, { count: 1, code: 550, message: "5.1.1 No such mailbox here" });
    const verdict = await sendTestEmail({ to, locale: "en" }, actor);
    expect(verdict).toMatchObject({
      kind: "refused",
      answer: expect.stringMatching(/550.*No such mailbox/),
    });
    const rows = await queryTestDb<{ state: string }>(
      db.url(),
      "select state from email_outbox where recipient = $1",
      [to],
    );
    expect(rows).toEqual([{ state: "failed" }]);
  });

  it("says unreachable when nothing listens on the port, and tries only once", async () => {
    await saveSmtpSettings({ ...catcher, port: await closedPort() }, actor);
    const to = address("unreachable");
    const verdict = await sendTestEmail({ to, locale: "en" }, actor);
    expect(verdict).toMatchObject({
      kind: "unreachable",
      reason: expect.stringMatching(/ECONNREFUSED/),
    });
    const rows = await queryTestDb<{ state: string; tries: number }>(
      db.url(),
      "select state, tries from email_outbox where recipient = $1",
      [to],
    );
    expect(rows).toEqual([{ state: "failed", tries: 1 }]);
  });

  it("resends a failed email as a new row that goes out, keeping the old row as it was", async () => {
    await saveSmtpSettings(catcher, actor);
    const to = address("resend");
    await mail.refuse(to, { count: 1, code: 550, message: "5.1.1 Not yet" });
    await sendTestEmail({ to, locale: "en" }, actor);
    const [failed] = await queryTestDb<{ id: string }>(
      db.url(),
      "select id from email_outbox where recipient = $1",
      [to],
    );
    const newId = await resendOutboxEmail(failed!.id, actor);
    expect(newId).not.toBe(failed!.id);
    // The queued job may or may not have run by now; one more try sends it if not.
    await deliverOutboxRow(newId);
    await mail.waitFor(to);
    const rows = await queryTestDb<{ id: string; state: string }>(
      db.url(),
      "select id, state from email_outbox where recipient = $1 order by created_at",
      [to],
    );
    expect(rows).toEqual([
      { id: failed!.id, state: "failed" },
      { id: newId, state: "sent" },
    ]);
    const [audit] = await queryTestDb<{ target_id: string; details: { from: string } }>(
      db.url(),
      "select target_id, details from audit_log where action = 'email.resent'",
    );
    expect(audit).toEqual({ target_id: newId, details: { from: failed!.id } });
    // A sent email can be sent again; one still in the queue cannot.
    await expect(resendOutboxEmail(newId, actor)).resolves.toBeTruthy();
    const [pending] = await queryTestDb<{ id: string }>(
      db.url(),
      "insert into email_outbox (recipient, template, locale, dedupe_key) values ($1, 'test', 'en', $2) returning id",
      [to, `test:${randomUUID()}`],
    );
    await expect(resendOutboxEmail(pending!.id, actor)).rejects.toThrow(/still in the queue/);
  });
});
