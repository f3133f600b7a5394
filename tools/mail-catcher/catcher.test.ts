import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailCatcherClient, type MailCatcherClient } from "./client";
import { createMailCatcher, type MailCatcher } from "./server";

let catcher: MailCatcher;
let client: MailCatcherClient;
let smtpPort = 0;
let httpUrl = "";

beforeAll(async () => {
  catcher = createMailCatcher({ smtpPort: 0, httpPort: 0 });
  ({ smtpPort, httpUrl } = await catcher.listen());
  client = mailCatcherClient(httpUrl);
});
afterAll(() => catcher.close());

const transport = () =>
  nodemailer.createTransport({
    host: "127.0.0.1",
    port: smtpPort,
    secure: false,
    ignoreTLS: true,
    auth: { user: "anyone", pass: "anything" },
  });

describe("the mail catcher", () => {
  it("keeps a message sent over SMTP and serves its parts by recipient", async () => {
    const info = await transport().sendMail({
      from: '"Toko Kopi" <kasir@example.com>',
      to: "Sari@Example.com",
      subject: "Halo",
      text: "Teks biasa",
      html: "<p>Teks <b>tebal</b></p>",
      attachments: [{ filename: "rekap.csv", content: "a,b\n1,2\n", contentType: "text/csv" }],
    });
    // The client lower-cases the domain; the catcher matches recipients in any case.
    expect(info.accepted).toEqual(["Sari@example.com"]);

    const [message] = await client.waitFor("sari@example.com");
    expect(message).toMatchObject({
      from: "kasir@example.com",
      to: ["Sari@example.com"],
      subject: "Halo",
      text: expect.stringMatching(/^Teks biasa\s*$/),
      html: expect.stringMatching(/^<p>Teks <b>tebal<\/b><\/p>\s*$/),
      attachments: [{ filename: "rekap.csv", contentType: "text/csv", size: 8 }],
    });
    expect(await client.messagesTo("nobody@example.com")).toEqual([]);
    const bytes = await fetch(`${httpUrl}/api/messages/${message!.id}/attachments/0`);
    expect(await bytes.text()).toBe("a,b\n1,2\n");
    const page = await (await fetch(`${httpUrl}/`)).text();
    expect(page).toContain("Halo");
    const html = await fetch(`${httpUrl}/api/messages/${message!.id}/html`);
    expect(html.headers.get("content-security-policy")).toMatch(/^sandbox/);
  });

  it("refuses the next messages to an address with the code it is told, then takes them", async () => {
    await client.refuse("later@example.com", { count: 1, code: 451, message: "Try later" });
    const refused = transport().sendMail({
      from: "a@example.com",
      to: "later@example.com",
      text: "1",
    });
    await expect(refused).rejects.toMatchObject({ responseCode: 451 });
    await transport().sendMail({ from: "a@example.com", to: "later@example.com", text: "2" });
    const messages = await client.waitFor("later@example.com");
    expect(messages.map((m) => m.text?.trim())).toEqual(["2"]);
  });
});
