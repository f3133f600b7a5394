import bcrypt from "bcryptjs";
import { peerHeader, peerStamp } from "@/lib/http/peer-address";
import { queryTestDb } from "./database";

/** A user in the test database; a cheap hash (cost 4) keeps tests fast. */
export async function insertTestUser(
  url: string,
  fields: { email: string; password: string; role?: "admin" | "operator" | "finance" },
): Promise<string> {
  const [row] = await queryTestDb<{ id: string }>(
    url,
    "insert into users (email, name, password_hash, role) values ($1, 'Tester', $2, $3) returning id",
    [fields.email, await bcrypt.hash(fields.password, 4), fields.role ?? "operator"],
  );
  return row!.id;
}

/** Request headers as the app sees them from a client at `address` (the socket stamp). */
export function headersFrom(address: string, extra: Record<string, string> = {}): Headers {
  return new Headers({
    [peerHeader]: peerStamp(address),
    "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36",
    ...extra,
  });
}
