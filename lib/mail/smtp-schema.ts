import { z } from "zod";
import { smtpTlsModes } from "./smtp-config";

/** A host name or address as typed: no scheme, no spaces, no port (that has its own field). */
const hostPattern =
  /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|[0-9a-f:]+)$/i;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .optional()
    .transform((v) => v || null);

/** Settings > Email: the SMTP server as the form sends it. */
export const smtpSettingsSchema = z
  .object({
    host: z
      .string()
      .trim()
      .min(1, "required")
      .max(253, "tooLong")
      .refine((v) => v === "" || hostPattern.test(v), "smtpHost")
      .transform((v) => v.replace(/^\[|\]$/g, "")),
    port: z.coerce.number("smtpPort").int("smtpPort").min(1, "smtpPort").max(65535, "smtpPort"),
    tls: z.enum(smtpTlsModes, "invalidChoice"),
    user: optionalText(254),
    // Never trimmed (a password may end in a space); empty keeps the saved one.
    password: z
      .string()
      .max(512, "tooLong")
      .optional()
      .transform((v) => v || null),
    clearPassword: z
      .enum(["on"])
      .optional()
      .transform((v) => v === "on"),
    fromName: optionalText(100).refine((v) => v === null || !/[<>"\r\n]/.test(v), "smtpFromName"),
    fromAddress: z.email("email").max(254, "tooLong"),
  })
  .refine((v) => !(v.password && !v.user), { path: ["user"], message: "smtpUserForPassword" });

export type SmtpSettingsForm = z.infer<typeof smtpSettingsSchema>;

/** "Send a test email": where to. */
export const testEmailSchema = z.object({ to: z.email("email").max(254, "tooLong") });
