import "server-only";
import bcrypt from "bcryptjs";
import { passwordRules, utf8Length } from "./password-rules";

// Cost 12: about a quarter second per check here, slow enough to hurt guessing.
const cost = 12;
// Compared against when no such user exists, so a wrong email takes as long as a wrong password.
const absentUserHash = "$2b$12$OII5m.0uWsgGSZwJ7aaiAupuVlq6cArB8SSh6cIpazYTMHxRBBnKi";

export async function hashPassword(password: string): Promise<string> {
  // bcrypt reads 72 bytes; the rules refuse longer ones, and this refuses to cut one silently.
  if (utf8Length(password) > passwordRules.maxBytes) {
    throw new RangeError(`a password may be at most ${passwordRules.maxBytes} bytes`);
  }
  return bcrypt.hash(password, cost);
}

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? absentUserHash);
  return ok && hash !== null;
}

/** True when a stored hash uses a lower cost than today's, so it is redone at sign-in. */
export function needsRehash(hash: string): boolean {
  const match = /^\$2[aby]\$(\d{2})\$/.exec(hash);
  return !match || Number(match[1]) < cost;
}
