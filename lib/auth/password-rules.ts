import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { passwordLimits } from "./password-limits";

/**
 * THE password rule, for every place a password is chosen (first-run setup, invitation
 * acceptance, password change): at least 12 characters; at most 72 BYTES of UTF-8,
 * since bcrypt ignores everything past byte 72 (72 × "é" is 144 bytes and is refused,
 * not silently cut); not a common password. Messages are `validation.*` keys.
 *
 * The common-password list (common-passwords.txt, next to this file) is SecLists'
 * Passwords/Common-Credentials/10k-most-common.txt (github.com/danielmiessler/SecLists,
 * MIT licence), 10 000 entries, unchanged. A password is refused when, lowercased, it
 * is on the list; when it is a listed word followed only by digits or symbols
 * ("sunshine12345!"); when it repeats one short unit ("abcabcabcabc"); or when it is a
 * straight run of keys or digits ("123456789012", "abcdefghijkl").
 */
export const passwordRules = passwordLimits;

let commonPasswords: Set<string> | undefined;

function loadCommonPasswords(): Set<string> {
  commonPasswords ??= new Set(
    readFileSync(path.join(process.cwd(), "lib/auth/common-passwords.txt"), "utf8")
      .split("\n")
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
  return commonPasswords;
}

const runs = [
  "abcdefghijklmnopqrstuvwxyz",
  "0123456789012345678901234567890",
  "qwertyuiopasdfghjklzxcvbnm",
];

function isRun(text: string): boolean {
  return runs.some((run) => run.includes(text) || [...run].reverse().join("").includes(text));
}

function repeatsOneUnit(text: string): boolean {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size === 0 && text.slice(0, size).repeat(text.length / size) === text)
      return true;
  }
  return false;
}

/** True for a password on the list or an obvious variation of one (see above). */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const list = loadCommonPasswords();
  if (list.has(lower)) return true;
  const stem = lower.replace(/[^a-z]+$/u, "");
  if (stem.length > 0 && stem !== lower && list.has(stem)) return true;
  return repeatsOneUnit(lower) || isRun(lower);
}

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** The schema of a new password, with per-field errors as `validation.*` keys. */
export const newPasswordSchema = z.string().superRefine((password, ctx) => {
  if ([...password].length < passwordRules.minChars) {
    ctx.addIssue({
      code: "custom",
      message: "passwordTooShort",
      params: { minimum: passwordRules.minChars },
    });
  } else if (utf8Length(password) > passwordRules.maxBytes) {
    ctx.addIssue({
      code: "custom",
      message: "passwordTooLongBytes",
      params: { maximum: passwordRules.maxBytes },
    });
  } else if (isCommonPassword(password)) {
    ctx.addIssue({ code: "custom", message: "passwordTooCommon" });
  }
});

/** For a change of password: `.refine(...differsFromCurrent)`; the same password is no change. */
export const differsFromCurrent: [
  (v: { password: string; currentPassword: string }) => boolean,
  { path: string[]; message: string },
] = [
  (v) => v.password !== v.currentPassword,
  { path: ["password"], message: "passwordSameAsCurrent" },
];

/** For a form's `confirm` field: `.refine(...confirmationMatches)` on an object with both. */
export const confirmationMatches: [
  (v: { password: string; confirm: string }) => boolean,
  { path: string[]; message: string },
] = [(v) => v.password === v.confirm, { path: ["confirm"], message: "passwordMismatch" }];
