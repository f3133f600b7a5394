import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as callback } from "@/app/api/webhooks/purwantara/route";
import { peerStamp, peerHeader } from "@/lib/http/peer-address";
import { recordGatewayCalls } from "@/lib/gateway-calls/record";
import { runStatusSweep } from "@/lib/jobs/status-sweep";
import { metricsAccess } from "@/lib/ops/metrics-access";
import { callbackBody, callbackRequest } from "@/testing/callbacks";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { GET } from "./route";

const token = "metrics-token-for-the-test-0123456789";
// Read once by lib/env.ts, on first use (after this file is loaded).
process.env.METRICS_TOKEN = token;

const db = withTestDatabase();
const q = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  queryTestDb<T>(db.url(), sql, params);

async function scrape(): Promise<string> {
  const response = await GET(
    new Request("http://app.test/api/metrics", { headers: { Authorization: `Bearer ${token}` } }),
  );
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The value of one sample, by its name and labels exactly as printed. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : undefined;
}

async function seedTransaction() {
  const uuid = randomUUID();
  const externalId = `PWD-${randomUUID().slice(0, 8)}`;
  await q(
    `insert into transactions (mode, channel, external_id, purwantara_uuid, title, amount, raw_status, state)
     values ('local', 'payment-link', $1, $2, 'Seeded', 10000, 'ACTIVE', 'active')`,
    [externalId, uuid],
  );
  return { uuid, externalId };
}

describe("GET /api/metrics", () => {
  beforeAll(async () => {
    // Nothing in the inbox from an earlier file: the template database is empty.
    expect(await q("select 1 from callback_inbox")).toEqual([]);
  });

  it("refuses a scrape without the token, or with another one", async () => {
    const none = await GET(new Request("http://app.test/api/metrics"));
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe("Bearer");
    const wrong = await GET(
      new Request("http://app.test/api/metrics", { headers: { Authorization: "Bearer nope" } }),
    );
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain("purwantara_");
  });

  it("serves process, event-loop and pool figures", async () => {
    const text = await scrape();
    expect(text).toContain("# TYPE process_cpu_user_seconds_total counter");
    expect(sample(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(text).toContain("# TYPE nodejs_eventloop_lag_seconds gauge");
    for (const pool of ["main", "quick", "apply"]) {
      for (const state of ["total", "idle", "waiting"]) {
        expect(
          sample(text, `purwantara_db_pool_connections{pool="${pool}",state="${state}"}`),
        ).toBeGreaterThanOrEqual(0);
      }
    }
    expect(sample(text, "purwantara_metrics_database_up")).toBe(1);
  });

  it("counts callbacks by outcome where the route answers, and by mode from the database", async () => {
    const t = await seedTransaction();
    const paid = callbackBody({ uuid: t.uuid, external_id: t.externalId, status: "PAID" });
    expect((await callback(callbackRequest(paid))).status).toBe(200);
    const forged = callbackRequest(paid, { signature: "0".repeat(64) });
    expect((await callback(forged)).status).toBe(401);
    const text = await scrape();
    expect(sample(text, 'purwantara_callbacks_total{outcome="applied"}')).toBe(1);
    expect(sample(text, 'purwantara_callbacks_total{outcome="bad_signature"}')).toBe(1);
    expect(sample(text, 'purwantara_callback_answer_seconds_count{outcome="applied"}')).toBe(1);
    expect(
      sample(text, 'purwantara_callback_deliveries_recent{mode="local",outcome="applied"}'),
    ).toBe(1);
  });

  it("reads the inbox depth and its oldest age at each scrape", async () => {
    await q(
      `insert into callback_inbox (mode, delivery_id, body_hash, headers, raw_body, received_at, next_attempt_at)
       values ('local', gen_random_uuid()::text, '\\x00', '{}', '\\x7b7d', now() - interval '5 minutes', now() + interval '1 hour')`,
    );
    const text = await scrape();
    expect(sample(text, "purwantara_inbox_pending")).toBe(1);
    expect(sample(text, "purwantara_inbox_oldest_age_seconds")).toBeGreaterThanOrEqual(299);
    await q("update callback_inbox set applied_at = now()");
    expect(sample(await scrape(), "purwantara_inbox_oldest_age_seconds")).toBe(0);
  });

  it("reads the email outbox and the relay's waiting and given-up rows at each scrape, not the sent ones", async () => {
    await q(
      `insert into email_outbox (recipient, template, locale, data, dedupe_key, state, created_at)
       values ('a@x.id', 'test', 'id', '{}', 'm1', 'pending', now() - interval '10 minutes'),
              ('b@x.id', 'test', 'id', '{}', 'm2', 'failed', now()),
              ('c@x.id', 'test', 'id', '{}', 'm3', 'sent', now())`,
    );
    const text = await scrape();
    expect(
      sample(text, 'purwantara_outbound_queue{queue="email",mode="all",state="pending"}'),
    ).toBe(1);
    expect(sample(text, 'purwantara_outbound_queue{queue="email",mode="all",state="failed"}')).toBe(
      1,
    );
    expect(
      sample(text, 'purwantara_outbound_queue{queue="email",mode="all",state="sent"}'),
    ).toBeUndefined();
    expect(
      sample(text, 'purwantara_outbound_oldest_waiting_seconds{queue="email"}'),
    ).toBeGreaterThanOrEqual(599);
    expect(sample(text, 'purwantara_outbound_oldest_waiting_seconds{queue="relay"}')).toBe(0);
    await q("update email_outbox set state = 'sent' where state = 'pending'");
    expect(
      sample(await scrape(), 'purwantara_outbound_oldest_waiting_seconds{queue="email"}'),
    ).toBe(0);
  });

  it("counts the status sweep's runs by mode and result", async () => {
    const [run] = await runStatusSweep();
    expect(run).toMatchObject({ mode: "local", stoppedEarly: null });
    const text = await scrape();
    expect(sample(text, 'purwantara_sweep_runs_total{mode="local",result="complete"}')).toBe(1);
  });

  it("counts each gateway call as the call log records it: by endpoint, status and time", async () => {
    const id = randomUUID();
    const record = recordGatewayCalls("sandbox", { trigger: "check", transactionId: null });
    for (const [httpStatus, outcome] of [
      [200, "ok"],
      [null, "timeout"],
    ] as const) {
      await record({
        method: "GET",
        path: `/virtual-account/${id}`,
        requestBody: null,
        startedAt: new Date(),
        latencyMs: 1500,
        httpStatus,
        outcome,
        responseBody: null,
      });
    }
    const text = await scrape();
    const labels = 'mode="sandbox",endpoint="virtual-account/:id"';
    expect(
      sample(text, `purwantara_gateway_calls_total{${labels},status="200",outcome="ok"}`),
    ).toBe(1);
    expect(
      sample(text, `purwantara_gateway_calls_total{${labels},status="0",outcome="timeout"}`),
    ).toBe(1);
    expect(sample(text, `purwantara_gateway_call_seconds_bucket{le="1",${labels}}`)).toBe(0);
    expect(sample(text, `purwantara_gateway_call_seconds_bucket{le="2",${labels}}`)).toBe(2);
    expect(await q("select endpoint from gateway_calls where mode = 'sandbox'")).toHaveLength(2);
  });
});

describe("who may scrape without a token", () => {
  const from = (address: string, extra: Record<string, string> = {}) =>
    new Headers({ [peerHeader]: peerStamp(address), ...extra });

  it("a caller on loopback that came through no proxy", () => {
    expect(metricsAccess(from("127.0.0.1"), undefined)).toEqual({ ok: true });
    expect(metricsAccess(from("::1"), undefined)).toEqual({ ok: true });
    expect(metricsAccess(from("::ffff:127.0.0.1"), undefined)).toEqual({ ok: true });
    // What Next.js itself sets when the client sent no X-Forwarded-For.
    const filled = from("127.0.0.1", { "x-forwarded-for": "127.0.0.1" });
    expect(metricsAccess(filled, undefined)).toEqual({ ok: true });
  });

  it("nobody else: another address, a proxy on this host, a forged stamp", () => {
    expect(metricsAccess(from("10.0.0.5"), undefined)).toEqual({ ok: false, status: 403 });
    const forwardedSets: Record<string, string>[] = [
      { "x-forwarded-for": "203.0.113.9" },
      { "x-forwarded-for": "203.0.113.9, 127.0.0.1" },
      { "x-real-ip": "203.0.113.9" },
      { forwarded: "for=127.0.0.1" },
    ];
    for (const forwarded of forwardedSets) {
      expect(metricsAccess(from("127.0.0.1", forwarded), undefined)).toEqual({
        ok: false,
        status: 403,
      });
    }
    const forged = new Headers({ [peerHeader]: "forged 127.0.0.1" });
    expect(metricsAccess(forged, undefined)).toEqual({ ok: false, status: 403 });
  });

  it("with a token set, loopback too must send it", () => {
    expect(metricsAccess(from("127.0.0.1"), "a-token-of-sixteen+")).toEqual({
      ok: false,
      status: 401,
    });
  });
});
