import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import pg from "pg";
import { createPasswordHash, matchesPasswordHash } from "../lib/auth/password-hash";

/**
 * For `npm run dev` only: on a database with no account, makes an admin with a
 * random password and keeps that password in a file under .data/ (mode 0600), so
 * the terminal can show it at every start until it is changed. Production never
 * runs this; there the first account comes from /setup.
 */
export type DevLogin = { email: string; password: string | null };

const email = "admin@example.com";

export async function ensureDevAdmin(
  databaseUrl: string,
  credentialsFile: string,
): Promise<DevLogin | null> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows } = await pool.query<{ n: string }>("select count(*)::text as n from users");
    if (rows[0]?.n === "0") {
      const password = randomBytes(9).toString("base64url");
      await pool.query(
        "insert into users (email, name, password_hash, role) values ($1, $2, $3, 'admin')",
        [email, "Dev Admin", await createPasswordHash(password)],
      );
      writeFileSync(credentialsFile, JSON.stringify({ email, password }), { mode: 0o600 });
      return { email, password };
    }
    return await savedLoginIfStillValid(pool, credentialsFile);
  } finally {
    await pool.end();
  }
}

async function savedLoginIfStillValid(pool: pg.Pool, file: string): Promise<DevLogin | null> {
  if (!existsSync(file)) return null;
  const saved = JSON.parse(readFileSync(file, "utf8")) as { email: string; password: string };
  const { rows } = await pool.query<{ password_hash: string }>(
    "select password_hash from users where lower(email) = lower($1) and disabled_at is null",
    [saved.email],
  );
  const hash = rows[0]?.password_hash;
  if (!hash) return null;
  return {
    email: saved.email,
    password: (await matchesPasswordHash(saved.password, hash)) ? saved.password : null,
  };
}
