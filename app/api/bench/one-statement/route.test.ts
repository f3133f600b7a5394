import { afterEach, describe, expect, it } from "vitest";
import { localCallbackSecret } from "@/lib/purwantara/contract";
import { callbackBody, callbackRequest } from "@/lib/testing/callbacks";
import { POST } from "./route";

// A signed body the baseline would otherwise read: a 404 proves it read nothing.
const signed = () =>
  callbackRequest(callbackBody({ uuid: crypto.randomUUID() }), { secret: localCallbackSecret });

afterEach(() => {
  delete process.env.PURWANTARA_BENCH_BASELINE;
  delete process.env.PURWANTARA_BENCH_BUILD;
});

describe("the bench baseline route", () => {
  it("answers 404 outside the bench's own build, whatever PURWANTARA_BENCH_BASELINE says", async () => {
    process.env.PURWANTARA_BENCH_BASELINE = "1";
    // next.config.ts inlines "0" into every build but the bench's.
    process.env.PURWANTARA_BENCH_BUILD = "0";
    expect((await POST(signed())).status).toBe(404);
  });
});
