import "server-only";
import { createPasswordHash, matchesPasswordHash } from "./password-hash";
import { inPasswordSlot } from "./password-slots";
import { passwordRules, utf8Length } from "./password-rules";

export { needsRehash } from "./password-hash";

/**
 * Checked when no such user exists, so a wrong email takes as long as a wrong password.
 * Same parameters as argon2Options (a test holds them together); its password is unknown.
 */
export const absentUserHash =
  "$argon2id$v=19$m=19456,t=2,p=1$v1dZjN6X9ZEzWXv9XsGsKw$rCuyKV4vtoMCLkdkgnF1sNY0sduZcs4UyPGK88BdMHw";

/**
 * A hash for a new password (setup, invitation, password change, rehash at sign-in).
 * Held to the same slots as checks: the setup and invitation forms are public and hash
 * before they know whether the request is valid. Throws PasswordChecksBusy when full.
 */
export async function hashPassword(password: string): Promise<string> {
  // The rules allow passwords up to maxBytes (bcrypt's limit when they were written);
  // this refuses longer ones so no path stores a password the rules would refuse.
  if (utf8Length(password) > passwordRules.maxBytes) {
    throw new RangeError(`a password may be at most ${passwordRules.maxBytes} bytes`);
  }
  return inPasswordSlot(() => createPasswordHash(password));
}

/**
 * Checks a password against a stored hash (or the absent-user hash when `hash` is
 * null, so the time taken does not tell whether the account exists). Throws
 * PasswordChecksBusy, without checking, when the process's check slots are all taken.
 */
export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const ok = await inPasswordSlot(() => matchesPasswordHash(password, hash ?? absentUserHash));
  return ok && hash !== null;
}
