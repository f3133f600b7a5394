import { beforeAll } from "vitest";
import { withEmulator } from "@purwantara/emulator/testing";
import type { CurrentUser } from "@/lib/auth/session";
import { queryTestDb, withTestDatabase } from "@/testing/database";

export interface GatewayTestbedOptions {
  /** Email of the operator the file's payments are made by (unique per file). */
  email: string;
  /** PURWANTARA_TIMEOUT_MS for the file's gateway client. */
  timeoutMs?: number;
}

/**
 * The setup shared by tests that make payments against the emulator: a database
 * of the file's own, an emulator, the gateway client pointed at it, and an operator
 * user. Call at the top of a test file; `user()` is ready from the first test on.
 */
export function withGatewayTestbed({ email, timeoutMs = 1000 }: GatewayTestbedOptions) {
  const db = withTestDatabase();
  const emulator = withEmulator();
  let current: CurrentUser | undefined;

  beforeAll(async () => {
    process.env.PURWANTARA_BASE_URL = `${emulator.baseUrl()}/v1/`;
    process.env.PURWANTARA_TIMEOUT_MS = String(timeoutMs);
    const [row] = await queryTestDb<{ id: string }>(
      db.url(),
      "insert into users (email, name, password_hash, role) values ($1, 'Op', 'x', 'operator') returning id",
      [email],
    );
    current = {
      id: row!.id,
      email,
      name: "Op",
      role: "operator",
      locale: "id",
      timeZone: "Asia/Jakarta",
      sessionId: "00000000-0000-4000-8000-000000000000",
      twoFactorEnabled: false,
    };
  });

  /** POSTs to one of the emulator's /control endpoints (latency, fail-next, …). */
  const control = (path: string, body: unknown = {}) =>
    fetch(emulator.url(`/control/${path}`), { method: "POST", body: JSON.stringify(body) });

  /** The transaction row as stored, or undefined. */
  const rowOf = async (id: string) =>
    (
      await queryTestDb<Record<string, unknown>>(
        db.url(),
        "select * from transactions where id = $1",
        [id],
      )
    )[0];

  /** The transaction's events, oldest first. */
  const eventsOf = (id: string) =>
    queryTestDb<{ source: string; to_state: string }>(
      db.url(),
      "select source, to_state from transaction_events where transaction_id = $1 order by created_at",
      [id],
    );

  const user = (): CurrentUser => {
    if (!current) throw new Error("the test user is made in beforeAll");
    return current;
  };

  return { db, emulator, control, rowOf, eventsOf, user };
}
