import { describe, expect, it, vi } from "vitest";
import { countRejectedSince, listRejectionSamples } from "@/db/queries/callback-rejections";
import { callbackBody, callbackRequest } from "@/testing/callbacks";
import { withTestDatabase } from "@/testing/database";
import { webhookRecords } from "@/testing/webhook-records";
import { flushRejections } from "@/lib/webhooks/rejections";
import { DELETE, GET, POST, PUT } from "./route";

const db = withTestDatabase();
const records = webhookRecords(db.url);

const url = "http://127.0.0.1:3000/api/webhooks/purwantara";

describe("the callback route keeps junk cheap", () => {
  it("keeps samples without cookies, credentials or the signature itself", async () => {
    const body = callbackBody({});
    const request = new Request(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Cookie: "authjs.session-token=secret-cookie",
        Authorization: "Bearer secret-token",
        Signature: "f".repeat(64),
        "X-PPN-Delivery": "sample-check",
      },
      body: new Uint8Array(body),
    });
    expect((await POST(request)).status).toBe(401);
    await flushRejections();
    const [sample] = (await listRejectionSamples({ reason: "bad_signature", limit: 50 })).filter(
      (s) => s.headers["x-ppn-delivery"] === "sample-check",
    );
    expect(sample).toBeDefined();
    expect(JSON.stringify(sample!.headers)).not.toMatch(/secret-cookie|secret-token|ffffffff/);
    expect(sample!.headers.signature).toBe("(64 characters, not kept)");
    expect(sample!.bodyStart.equals(body.subarray(0, 1024))).toBe(true);
  });
  it("300 bad-signature requests leave a handful of rows: counts per minute, 5 samples", async () => {
    const since = new Date(Date.now() - 60_000);
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const answers = [];
    for (let i = 0; i < 300; i++) {
      const body = callbackBody({ title: `junk ${i}`, customer_email: "buyer@example.com" });
      answers.push((await POST(callbackRequest(body, { secret: `guess-${i}` }))).status);
    }
    await flushRejections();
    const logText = JSON.stringify(logged.mock.calls);
    logged.mockRestore();
    expect(new Set(answers)).toEqual(new Set([401]));

    const counts = await records.q<{ reason: string; count: number }>(
      "select reason, count from callback_rejections",
    );
    // One row per reason per minute (the sample check above made the first of them).
    expect(counts.length).toBeLessThanOrEqual(3);
    expect(counts.reduce((n, r) => n + r.count, 0)).toBe(301);
    // At most five samples per reason per hour, the one above included.
    const samples = await records.q<{ n: number }>(
      "select length(body_start) as n from callback_rejection_samples",
    );
    expect(samples.length).toBe(5);
    expect(await records.q("select 1 from webhook_deliveries")).toEqual([]);
    expect(logText).not.toContain("buyer@example.com");

    expect(await countRejectedSince(since)).toMatchObject({
      total: 301,
      byReason: { bad_signature: 301 },
    });
  });

  it("answers other methods 405 with Allow: POST, counted as wrong_method", async () => {
    const since = new Date();
    for (const handler of [GET, PUT, DELETE]) {
      const response = await handler(new Request(url, { method: "GET" }));
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
    }
    await flushRejections();
    expect((await countRejectedSince(since)).byReason.wrong_method).toBe(3);
  });
});
