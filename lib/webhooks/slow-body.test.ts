import { describe, expect, it } from "vitest";
import { localCallbackSecret } from "@purwantara/contract";
import { signCallbackBody } from "@purwantara/contract/signature";
import { callbackBody } from "@/testing/callbacks";
import { withTestDatabase } from "@/testing/database";
import { webhookRecords } from "@/testing/webhook-records";
import { answerResponse } from "./answer";
import { receiveCallback } from "./ingest";
import { flushRejections } from "./rejections";

const db = withTestDatabase();
const records = webhookRecords(db.url);

/** A signed callback whose sender sends the first half of its body, then nothing more. */
function stalledCallback(deliveryId: string): Request {
  const body = callbackBody({ uuid: crypto.randomUUID() });
  const half = body.subarray(0, body.length >> 1);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(half));
    },
  });
  return new Request("http://127.0.0.1:3000/api/webhooks/purwantara", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "Content-Length": String(body.length),
      Signature: signCallbackBody(body, localCallbackSecret),
      "X-PPN-Delivery": deliveryId,
    },
    body: stream,
    duplex: "half",
  } as RequestInit);
}

describe("a callback whose body does not arrive in time", () => {
  it("is cut at the deadline with a 408, and nothing of it is written", async () => {
    const deliveryId = `slow-${crypto.randomUUID()}`;
    const started = performance.now();
    const answer = await receiveCallback(stalledCallback(deliveryId), { bodyDeadlineMs: 300 });
    const waited = performance.now() - started;
    expect(answer).toEqual({ kind: "too_slow" });
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(2000);
    const response = answerResponse(answer);
    expect(response.status).toBe(408);
    expect(await response.json()).toEqual({ ok: false, error: "body not received in time" });

    await flushRejections();
    expect(
      await records.q("select 1 from webhook_deliveries where delivery_id = $1", [deliveryId]),
    ).toEqual([]);
    const [counted] = await records.q<{ n: number }>(
      "select coalesce(sum(count), 0)::int as n from callback_rejections where reason = 'too_slow'",
    );
    expect(counted!.n).toBe(1);
  });
});
