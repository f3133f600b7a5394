import { beforeAll, describe, expect, it } from "vitest";
import { callbackBody, callbackRequest } from "@/testing/callbacks";

beforeAll(() => {
  // Nothing listens on port 9: the database is down for this file.
  process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:9/purwantara";
  process.env.AUTH_SECRET = "x".repeat(32);
});

describe("POST /api/webhooks/purwantara with the database down", () => {
  it("answers 503 so Purwantara retries, instead of losing the callback", async () => {
    const { POST } = await import("./route");
    const response = await POST(callbackRequest(callbackBody({ status: "PAID" })));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ ok: false, error: "temporarily unavailable" });
  });
});
