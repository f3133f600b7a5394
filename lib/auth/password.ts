import bcrypt from "bcryptjs";

// Cost 12: about a quarter second per check here, slow enough to hurt guessing.
const cost = 12;
// Compared against when no such user exists, so a wrong email takes as long as a wrong password.
const absentUserHash = "$2b$12$OII5m.0uWsgGSZwJ7aaiAupuVlq6cArB8SSh6cIpazYTMHxRBBnKi";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, cost);
}

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? absentUserHash);
  return ok && hash !== null;
}

export { passwordRules } from "./password-rules";
