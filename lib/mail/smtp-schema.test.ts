import { describe, expect, it } from "vitest";
import { smtpSettingsSchema } from "./smtp-schema";

const form = {
  host: "smtp.example.com",
  port: "587",
  tls: "starttls",
  user: "mailer",
  password: "",
  fromName: "Toko Kopi Nusantara",
  fromAddress: "no-reply@kopi.example.com",
};

const errorsOf = (values: Record<string, string>) => {
  const parsed = smtpSettingsSchema.safeParse(values);
  return parsed.success
    ? {}
    : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the SMTP settings form", () => {
  it("reads a good form: the port as a number, an empty password as keep", () => {
    expect(smtpSettingsSchema.parse(form)).toEqual({
      ...form,
      port: 587,
      password: null,
      clearPassword: false,
    });
    expect(smtpSettingsSchema.parse({ ...form, host: "[::1]" }).host).toBe("::1");
  });

  it("names the field at fault", () => {
    expect(errorsOf({ ...form, host: "smtp://smtp.example.com" })).toEqual({ host: "smtpHost" });
    expect(errorsOf({ ...form, host: "" })).toEqual({ host: "required" });
    expect(errorsOf({ ...form, port: "70000" })).toEqual({ port: "smtpPort" });
    expect(errorsOf({ ...form, port: "abc" })).toEqual({ port: "smtpPort" });
    expect(errorsOf({ ...form, tls: "ssl" })).toEqual({ tls: "invalidChoice" });
    expect(errorsOf({ ...form, fromAddress: "not an address" })).toEqual({ fromAddress: "email" });
    expect(errorsOf({ ...form, fromName: "Toko <evil>" })).toEqual({ fromName: "smtpFromName" });
    expect(errorsOf({ ...form, user: "", password: "pw" })).toEqual({
      user: "smtpUserForPassword",
    });
  });
});
