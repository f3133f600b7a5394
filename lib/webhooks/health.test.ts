import { describe, expect, it } from "vitest";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { getCallbackHealth } from "./health";
import { countRejection, flushRejections } from "./rejections";

const db = withTestDatabase();
const q = (sql: string, params: unknown[] = []) => queryTestDb(db.url(), sql, params);

describe("callback health", () => {
  it("reports the last callback and the held deliveries per mode, and the last day's bad signatures", async () => {
    expect(await getCallbackHealth("local")).toEqual({
      modes: [{ mode: "local", lastReceivedAt: null, awaitingReview: 0 }],
      rejectedLastDay: 0,
      inbox: { pending: 0, oldestAt: null },
      readReplica: { kind: "none" },
    });
    const [original] = await q(
      `insert into webhook_deliveries (received_at, headers, raw_body, signature_valid, outcome, mode)
       values ('2026-11-24 10:00+07', '{}', '{}', true, 'needs_review', 'local') returning id`,
    );
    await q(
      `insert into webhook_deliveries (received_at, headers, raw_body, signature_valid, outcome, mode, resolution)
       values ('2026-11-24 09:00+07', '{}', '{}', true, 'conflict', 'local', null),
              ('2026-11-24 08:00+07', '{}', '{}', true, 'needs_review', 'local', 'dismissed'),
              ('2026-11-24 11:00+07', '{}', '{}', true, 'applied', 'production', null)`,
    );
    // A replay is not a callback arriving, and a held replay is not a second hold.
    await q(
      `insert into webhook_deliveries (headers, raw_body, signature_valid, outcome, mode, replay_of)
       values ('{}', '{}', true, 'needs_review', 'local', $1)`,
      [original!.id],
    );
    // Refused requests, counted per minute (never stored as deliveries): three bad
    // signatures within the last day, seven older, and a wrong method that is no sign
    // of a wrong secret; a stored unsigned row is not counted any more.
    await q(
      `insert into callback_rejections (minute, reason, count, last_at)
       values (date_trunc('minute', now() - interval '23 hours'), 'no_signature', 2, now() - interval '23 hours'),
              (date_trunc('minute', now() - interval '25 hours'), 'bad_signature', 7, now() - interval '25 hours'),
              (date_trunc('minute', now() - interval '2 hours'), 'wrong_method', 4, now() - interval '2 hours')`,
    );
    await q(
      `insert into webhook_deliveries (received_at, headers, raw_body, signature_valid, outcome)
       values (now() - interval '1 hour', '{}', 'x', false, 'rejected')`,
    );
    countRejection(
      "bad_signature",
      { method: "POST", headers: new Headers() },
      Buffer.from("x"),
      1,
    );
    await flushRejections();
    const health = await getCallbackHealth("local");
    expect(health.modes).toEqual([
      { mode: "local", lastReceivedAt: new Date("2026-11-24T03:00:00Z"), awaitingReview: 2 },
    ]);
    expect(health.rejectedLastDay).toBe(3);
    // Deliveries on disk not yet applied: how many, and since when the oldest waits.
    await q(
      `insert into callback_inbox (mode, delivery_id, body_hash, headers, raw_body, received_at, next_attempt_at)
       values ('local', 'waiting-1', '\\x00', '{}', '{}', '2026-11-24 10:05+07', now() + interval '1 hour'),
              ('local', 'waiting-2', '\\x00', '{}', '{}', '2026-11-24 10:09+07', now() + interval '1 hour')`,
    );
    expect((await getCallbackHealth("local")).inbox).toEqual({
      pending: 2,
      oldestAt: new Date("2026-11-24T03:05:00Z"),
    });
    expect((await getCallbackHealth("production")).modes[0]).toMatchObject({ awaitingReview: 0 });
    // Without a mode: every configured mode (the environment's, local here).
    expect((await getCallbackHealth()).modes.map((m) => m.mode)).toEqual(["local"]);
  });
});
