import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { resetSecretKeyring } from "@/lib/crypto/secret-box";
import { insertTestUser } from "@/testing/accounts";
import { withTestDatabase } from "@/testing/database";
import { getSmtpConfig, getSmtpSettingsView, saveSmtpSettings } from "./smtp-settings";

/** SMTP_URL and MAIL_FROM set: the environment wins over what Settings saved. */
const db = withTestDatabase();

beforeAll(() => {
  process.env.SMTP_URL = "smtp://envuser:env-password@smtp.env.example.com:587?tls=starttls";
  process.env.MAIL_FROM = "Env Sender <env@example.com>";
  process.env.SETTINGS_ENCRYPTION_KEY = randomBytes(32).toString("base64");
  resetSecretKeyring();
});

describe("SMTP settings under SMTP_URL", () => {
  it("uses the environment's server and shows it without its password", async () => {
    const id = await insertTestUser(db.url(), {
      email: `admin-${randomUUID().slice(0, 8)}@example.com`,
      password: "x",
      role: "admin",
    });
    await saveSmtpSettings(
      {
        host: "saved.example.com",
        port: 465,
        tls: "implicit",
        user: null,
        password: "saved-password",
        clearPassword: false,
        fromName: null,
        fromAddress: "saved@example.com",
      },
      { id, ip: null },
    );
    const inEffect = await getSmtpConfig();
    expect(inEffect).toMatchObject({
      source: "environment",
      config: { host: "smtp.env.example.com", port: 587, tls: "starttls", user: "envuser" },
    });
    const view = await getSmtpSettingsView();
    expect(view.source).toBe("environment");
    expect(view.environment).toEqual({
      host: "smtp.env.example.com",
      port: 587,
      tls: "starttls",
      user: "envuser",
      fromName: "Env Sender",
      fromAddress: "env@example.com",
    });
    expect(view.saved?.host).toBe("saved.example.com");
    expect(JSON.stringify(view)).not.toMatch(/env-password|saved-password/);
  });
});
