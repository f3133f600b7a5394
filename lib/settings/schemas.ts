import { z } from "zod";
import { emailLocales } from "@/lib/core/email-kinds";
import { transactionChannel } from "@/db/schema";
import {
  callbackSecretRefusal,
  gatewayTokenRefusal,
  savedCredentialsTrust,
} from "@/lib/gateway/credential-rules";
import { gatewayAddressRefusal } from "@/lib/gateway/gateway-address";
import { defaultBaseUrls, type GatewayMode } from "@purwantara/contract";
import { timeZoneIds } from "@/lib/core/time";

// A token or secret is one opaque word: surrounding spaces from a paste are dropped.
const opaque = (min: number, max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .refine((v) => v === "" || (v.length >= min && !/\s/.test(v)), {
      message: "secretFormat",
      params: { min },
    })
    .transform((v) => v || undefined);

/** A token the credential rules accept for `mode` (the emulator's is refused outside local). */
const tokenFor = (mode: GatewayMode) =>
  opaque(8, 4096).refine(
    (v) => v === undefined || gatewayTokenRefusal(mode, v) === null,
    "emulatorToken",
  );

/** A callback secret the callback route would accept for `mode` (lib/gateway/credential-rules). */
const secretFor = (mode: GatewayMode) =>
  opaque(16, 512).refine(
    (v) => v === undefined || callbackSecretRefusal(mode, v, savedCredentialsTrust) === null,
    "emulatorSecret",
  );

/**
 * A mode's form. `extraOrigins`: PURWANTARA_EXTRA_GATEWAY_ORIGINS (lib/env.ts). The
 * password is asked for only when the address changes (lib/settings/gateway-settings.ts).
 */
export const gatewayCredentialsSchema = (mode: GatewayMode, extraOrigins: readonly string[]) =>
  z.object({
    baseUrl: z
      .string()
      .trim()
      .max(500, "tooLong")
      .refine((v) => v === "" || gatewayAddressRefusal(mode, v, extraOrigins) === null, {
        message: "gatewayUrl",
        params: { address: defaultBaseUrls[mode] },
      }),
    token: tokenFor(mode),
    callbackSecret: secretFor(mode).optional(),
    currentPassword: z
      .string()
      .max(200, "tooLong")
      .optional()
      .transform((v) => v || undefined),
  });

export const newSecretSchema = (mode: GatewayMode) =>
  z.object({
    newSecret: secretFor(mode).refine((v) => v !== undefined, "required"),
  });

const delay = z.coerce
  .number("delayRange")
  .int("delayRange")
  .min(0, "delayRange")
  .max(30, "delayRange");

export const merchantSchema = z.object({
  businessName: z
    .string()
    .trim()
    .max(100, "tooLong")
    .transform((v) => v || null),
  businessContact: z
    .string()
    .trim()
    .max(120, "tooLong")
    .transform((v) => v || null),
  defaultTimeZone: z.enum(timeZoneIds, "invalidChoice"),
  requireAdminTwoFactor: z
    .enum(["on"])
    .optional()
    .transform((v) => v === "on"),
  emailReceipts: z
    .enum(["on"])
    .optional()
    .transform((v) => v === "on"),
  /** Absent (an older form): unchanged. */
  receiptLocale: z.enum(emailLocales, "invalidChoice").optional(),
  ...Object.fromEntries(transactionChannel.enumValues.map((c) => [`delay_${c}`, delay])),
});
