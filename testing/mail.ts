import { beforeAll, inject } from "vitest";
import { mailCatcherClient } from "@/tools/mail-catcher/client";

/** The sender every mail test's app uses. */
export const testMailFrom = "Dashboard Tests <no-reply@tests.example.com>";

/**
 * Points the calling test file's app at the run's mail catcher (SMTP_URL, MAIL_FROM,
 * APP_URL for links) and returns a client that reads what arrived. Each test sends to
 * addresses of its own, so files running at once never read each other's mail.
 */
export function withMailCatcher() {
  const smtpUrl = () => `smtp://127.0.0.1:${inject("mailCatcherSmtpPort")}?tls=none`;
  beforeAll(() => {
    process.env.SMTP_URL = smtpUrl();
    process.env.MAIL_FROM = testMailFrom;
    process.env.APP_URL ??= "http://dashboard.test";
  });
  return { mail: mailCatcherClient(inject("mailCatcherUrl")), smtpUrl };
}
