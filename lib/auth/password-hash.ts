import { hash, parseOptions, verify, type Algorithm } from "@node-rs/argon2";
import { verify as verifyBcrypt } from "@node-rs/bcrypt";

/**
 * How passwords are stored: argon2id, computed on libuv's thread pool by a native
 * binding, so a burst of sign-ins never runs hashing on the event loop that serves
 * payment callbacks. Hashes made before (bcrypt, `$2a$`/`$2b$`/`$2y$`) are still
 * checked (also natively, off the event loop) and redone as argon2id at sign-in.
 * No `server-only` here: the dev-admin script checks its saved password with it.
 */

// `Algorithm.Argon2id`: a const enum, which `isolatedModules` cannot read at run time.
const argon2id = 2 as Algorithm;

/**
 * [chosen] OWASP's argon2id setting (19 MiB, 2 passes, 1 lane): about 25 ms to hash
 * and 13 ms to check here, and 19 MiB per check in flight (see password-slots.ts).
 */
export const argon2Options = {
  algorithm: argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** A new argon2id hash (a fresh random salt each time). */
export function createPasswordHash(password: string): Promise<string> {
  return hash(password, argon2Options);
}

const legacyBcrypt = /^\$2[aby]\$\d{2}\$/;

/** Whether `password` matches a stored argon2id or legacy bcrypt hash; false for any other form. */
export async function matchesPasswordHash(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith("$argon2id$")) return verify(stored, password);
  if (legacyBcrypt.test(stored)) return verifyBcrypt(password, stored);
  return false;
}

/** True unless `stored` is argon2id with at least today's cost, so it is redone at sign-in. */
export function needsRehash(stored: string): boolean {
  if (!stored.startsWith("$argon2id$")) return true;
  try {
    const used = parseOptions(stored);
    return (
      used.memoryCost < argon2Options.memoryCost ||
      used.timeCost < argon2Options.timeCost ||
      used.parallelism < argon2Options.parallelism
    );
  } catch {
    return true;
  }
}
