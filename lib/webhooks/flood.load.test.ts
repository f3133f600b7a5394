import { afterAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import {
  postSignIn,
  sendBurst,
  startCallbackProcess,
  unknownPayments,
  type CallbackProcess,
} from "@/testing/callback-fleet";
import { withTestDatabase } from "@/testing/database";
import { webhookRecords } from "@/testing/webhook-records";

const db = withTestDatabase();
const records = webhookRecords(db.url);
let app: CallbackProcess | undefined;
afterAll(async () => {
  await app?.stop();
});

describe("a sign-in flood beside callbacks, in one app process", () => {
  it("starves no callback: 200 recorded once, none refused, while 120 wrong passwords are checked", async () => {
    app = await startCallbackProcess(db.url());
    const email = `owner-${Date.now()}@example.com`;
    await records.q(
      "insert into users (email, name, password_hash, role) values ($1, 'Owner', $2, 'admin')",
      [email, await hashPassword("the-right-password-1")],
    );
    const flood = Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        postSignIn(app!.port, { email, password: `wrong-${i}`, ip: `198.51.100.${i + 1}` }),
      ),
    );
    const deliveries = unknownPayments(200);
    const burst = await sendBurst(deliveries, () => [app!.port], 20, {
      timeoutMs: 3000,
      waitsMs: [10_000, 30_000],
    });
    const signIns = await flood;
    expect(burst.statuses[503] ?? 0).toBe(0);
    // Every attempt was answered: refused, busy or locked, never let in.
    expect(signIns.every((s) => ["wrong", "busy", "limited"].includes(s))).toBe(true);
    await expect
      .poll(
        async () =>
          (
            await records.q<{ n: number }>(
              "select count(distinct purwantara_uuid)::int as n from transactions where purwantara_uuid = any($1::text[])",
              [deliveries.map((d) => d.uuid)],
            )
          )[0]!.n,
        { timeout: 30_000 },
      )
      .toBe(200);
  }, 120_000);
});
