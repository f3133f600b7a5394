import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { callbackBody, callbackRequest } from "@/testing/callbacks";
import { withTestDatabase } from "@/testing/database";
import { webhookRecords } from "@/testing/webhook-records";
import { POST } from "./route";

// An apply that fails the way a query does: the wrapper's message lists the parameters.
// The one writer fails so; the delivery is then held, in the same transaction as its inbox row.
const failing = vi.hoisted(() => async () => {
  const cause = Object.assign(new Error("value out of range"), { code: "22003" });
  throw new Error("Failed query: update ... params: 08123456789,buyer@example.com", { cause });
});
vi.mock("@/db/queries/webhooks", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/db/queries/webhooks")>()),
  writeCallback: vi.fn(failing),
}));

const db = withTestDatabase();
const records = webhookRecords(db.url);

describe("POST /api/webhooks/purwantara when applying fails for a reason of its own", () => {
  it("answers 200, keeps the delivery for review, and logs ids and codes, not the payload", async () => {
    const t = await records.seedTransaction();
    const deliveryId = randomUUID();
    const body = callbackBody({
      uuid: t.uuid,
      event: {
        meta: { customer_phone: "08123456789", customer_email: "buyer@example.com" },
        type: "payment-link",
        channel: "QRIS",
      },
    });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const response = await POST(callbackRequest(body, { deliveryId }));
    const logText = JSON.stringify(logged.mock.calls);
    logged.mockRestore();

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, outcome: "needs_review" });
    const rows = await records.deliveries(deliveryId);
    expect(rows).toMatchObject([
      {
        outcome: "needs_review",
        reason: "could not apply: value out of range",
        raw_status: "PAID",
      },
    ]);
    expect(rows[0]?.raw_body.equals(body)).toBe(true);
    expect(await records.transaction(t.id)).toMatchObject({ state: "active" });
    // Held: the transaction says so to finance.
    const [flagged] = await records.q("select flags from transactions where id = $1", [t.id]);
    expect(flagged).toEqual({ flags: ["needs_review"] });
    expect(logText).toContain(deliveryId);
    expect(logText).toContain("22003");
    expect(logText).not.toMatch(/08123456789|buyer@example\.com/);
  });
});
