import "server-only";
import { createHash, randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { getDb } from "@/db/client";
import {
  claimTimeStep,
  getTwoFactor,
  spendRecoveryCode,
  type TwoFactorRow,
} from "@/db/queries/two-factor";
import { open, seal } from "@/lib/crypto/secret-box";

/** Shown as the account's name in authenticator apps. */
export const totpIssuer = "Purwantara Dashboard";
const recoveryAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i
export const recoveryCodeCount = 10;

const sealContext = (userId: string) => `totp:${userId}`;

export function newTotpSecret(): string {
  return generateSecret();
}

export function sealTotpSecret(userId: string, secret: string): string {
  return seal(secret, sealContext(userId));
}

export function openTotpSecret(row: Pick<TwoFactorRow, "userId" | "secretSealed">): string {
  return open(row.secretSealed, sealContext(row.userId));
}

export function otpauthUri(email: string, secret: string): string {
  return generateURI({ issuer: totpIssuer, label: email, secret });
}

/** The QR code to scan, drawn on the server as an SVG (no script, no external image). */
export function qrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}

/** Ten codes like `k7m2p-x9q4r` (50 bits each), shown once. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const chars = Array.from(
      { length: 10 },
      () => recoveryAlphabet[randomInt(recoveryAlphabet.length)],
    );
    return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
  });
}

export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Random 50-bit codes need no slow hash; a digest keeps them unreadable at rest. */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256")
    .update(`recovery:${normalizeRecoveryCode(code)}`)
    .digest("hex");
}

export function isTotpShaped(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s/g, ""));
}

/** The time step of a valid code (±30 s), or null. */
export async function verifyTotpCode(
  secret: string,
  code: string,
  afterTimeStep?: number | null,
): Promise<number | null> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    epochTolerance: 30,
    ...(afterTimeStep != null ? { afterTimeStep } : {}),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

export type SecondFactorResult = { ok: true; method: "totp" | "recovery_code" } | { ok: false };

/**
 * Checks a code from an authenticator app or a recovery code for a person with
 * two-factor sign-in on. A TOTP step and a recovery code are each accepted once.
 */
export async function checkSecondFactor(userId: string, code: string): Promise<SecondFactorResult> {
  const row = await getTwoFactor(userId);
  if (!row?.enabledAt) return { ok: false };
  if (isTotpShaped(code)) {
    const step = await verifyTotpCode(openTotpSecret(row), code, row.lastTimeStep);
    if (step !== null && (await claimTimeStep(getDb(), userId, step))) {
      return { ok: true, method: "totp" };
    }
    return { ok: false };
  }
  const normalized = normalizeRecoveryCode(code);
  if (normalized.length !== 10) return { ok: false };
  return (await spendRecoveryCode(getDb(), userId, hashRecoveryCode(normalized)))
    ? { ok: true, method: "recovery_code" }
    : { ok: false };
}
