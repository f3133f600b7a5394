import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import pg from "pg";
import type { UserRole } from "@/db/schema";
import { databaseUrl } from "./env";
import type { TestLocale } from "./i18n";

export type TestAccount = {
  email: string;
  password: string;
  name: string;
  role: UserRole;
  locale: TestLocale;
};

/** A fresh account of `role` in the e2e database; each test makes its own. */
export async function createAccount(
  role: UserRole,
  locale: TestLocale = "id",
): Promise<TestAccount> {
  const account = {
    email: `${role}-${randomBytes(4).toString("hex")}@example.com`,
    password: randomBytes(12).toString("base64url"),
    name: `Test ${role}`,
    role,
    locale,
  };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      "insert into users (email, name, password_hash, role, locale) values ($1, $2, $3, $4, $5)",
      [account.email, account.name, await bcrypt.hash(account.password, 4), role, locale],
    );
  } finally {
    await client.end();
  }
  return account;
}

async function updateUser(email: string, sql: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`update users set ${sql} where email = $1`, [email, ...params]);
  } finally {
    await client.end();
  }
}

export const setDisabled = (email: string) => updateUser(email, "disabled_at = now()");
export const setRole = (email: string, role: UserRole) => updateUser(email, "role = $2", [role]);
