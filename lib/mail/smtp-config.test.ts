import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env-schema";
import { parseMailFrom, parseSmtpUrl } from "./smtp-config";

const base = { DATABASE_URL: "postgres://u@127.0.0.1:5432/db", AUTH_SECRET: "x".repeat(32) };

describe("SMTP settings from the environment", () => {
  it("reads host, port, TLS mode and URL-encoded credentials", () => {
    expect(parseSmtpUrl("smtp://mailer%40shop:p%40ss%3Aword@smtp.example.com:587")).toEqual({
      ok: true,
      value: {
        host: "smtp.example.com",
        port: 587,
        tls: "starttls",
        user: "mailer@shop",
        password: "p@ss:word",
      },
    });
    expect(parseSmtpUrl("smtps://smtp.example.com")).toMatchObject({
      value: { port: 465, tls: "implicit", user: null, password: null },
    });
    expect(parseSmtpUrl("smtp://127.0.0.1:1025?tls=none")).toMatchObject({
      value: { host: "127.0.0.1", port: 1025, tls: "none" },
    });
    expect(parseSmtpUrl("https://smtp.example.com")).toMatchObject({ ok: false });
    expect(parseSmtpUrl("smtp://smtp.example.com?tls=maybe")).toMatchObject({ ok: false });
  });

  it("reads a sender with or without a name", () => {
    expect(parseMailFrom('"Toko Kopi" <kasir@example.com>')).toEqual({
      ok: true,
      value: { name: "Toko Kopi", address: "kasir@example.com" },
    });
    expect(parseMailFrom("kasir@example.com")).toMatchObject({ value: { name: null } });
    expect(parseMailFrom("Toko Kopi")).toMatchObject({ ok: false });
  });

  it("needs both variables together and names the bad one", () => {
    expect(parseEnv(base).smtp).toBeNull();
    expect(
      parseEnv({ ...base, SMTP_URL: "smtp://127.0.0.1:1025?tls=none", MAIL_FROM: "a@example.com" })
        .smtp,
    ).toMatchObject({ host: "127.0.0.1", port: 1025, tls: "none", fromAddress: "a@example.com" });
    expect(() => parseEnv({ ...base, SMTP_URL: "smtp://h.example.com" })).toThrow(/MAIL_FROM/);
    expect(() => parseEnv({ ...base, MAIL_FROM: "a@example.com" })).toThrow(/SMTP_URL/);
    expect(() =>
      parseEnv({ ...base, SMTP_URL: "mail.example.com", MAIL_FROM: "a@example.com" }),
    ).toThrow(/SMTP_URL: is not a URL/);
  });
});
