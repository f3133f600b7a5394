import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { phpJsonEncode, type JsonValue } from "@purwantara/contract/php-json";
import { localCallbackSecret } from "@purwantara/contract";
import { signCallbackBody } from "@purwantara/contract/signature";
import { callbackBody, callbackRequest } from "@/testing/callbacks";
import { withTestDatabase } from "@/testing/database";
import { webhookRecords } from "@/testing/webhook-records";
import { flushRejections } from "@/lib/webhooks/rejections";
import { POST } from "./route";

const db = withTestDatabase();
const records = webhookRecords(db.url);
// The refused requests' counts are written before the database goes.
afterAll(() => flushRejections());

// Strings with what JSON allows and PostgreSQL does not: NUL, lone surrogates, controls.
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("\u0000", "\ud800", "a\udfffb", "\u0000\ud83d", "𝄞", "\\", "\u2028"),
);
const moneyish = fc.oneof(
  fc.constantFrom("10000.0000", "0", "-5", "1e30", "99999999999999999999999", "12.34567", ""),
  fc.double().map(String),
  fc.integer(),
  fc.bigInt().map(String),
  nasty,
);
const statusish = fc.oneof(fc.constantFrom("ACTIVE", "PAID", "SETTLED", "EXPIRED"), nasty);
const timeish = fc.oneof(
  fc.constant(null),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  nasty,
);
/**
 * Any JSON value. The emulator's PHP encoder writes integers only (PHP's float text
 * differs from JavaScript's), so fractions become their decimal text instead.
 */
function integral(value: unknown): JsonValue {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : String(value);
  if (Array.isArray(value)) return value.map(integral);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, integral(v)]));
  return value as JsonValue;
}
const anyJson: fc.Arbitrary<JsonValue> = fc.jsonValue().map(integral);

/** A callback whose every field may be odd, as PHP's json_encode would write it. */
const oddCallback = fc.record(
  {
    uuid: fc.oneof(fc.uuid(), nasty),
    status: statusish,
    amount: moneyish,
    paid_at: timeish,
    external_id: fc.oneof(fc.constant(null), nasty),
    title: nasty,
    payment_link_url: fc.oneof(fc.webUrl(), nasty),
    event: fc.oneof(
      anyJson,
      fc.record({ type: fc.oneof(fc.constant("payment-link"), nasty), channel: nasty }),
    ),
    extra: anyJson,
  },
  { requiredKeys: [] },
);

const run = { numRuns: 40 };

describe("POST /api/webhooks/purwantara, property-based", () => {
  it("never answers 500 and always records a correctly signed delivery", async () => {
    await fc.assert(
      fc.asyncProperty(oddCallback, async (fields) => {
        const deliveryId = randomUUID();
        const body = callbackBody(fields as Record<string, JsonValue>);
        const response = await POST(callbackRequest(body, { deliveryId }));
        expect([200, 400]).toContain(response.status);
        const rows = await records.deliveries(deliveryId);
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.some((row) => row.raw_body.equals(body))).toBe(true);
      }),
      run,
    );
  });

  it("records any signed bytes, JSON or not, and never answers 500", async () => {
    const bodies = fc.oneof(
      fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
      anyJson.map((value) => Buffer.from(phpJsonEncode(value), "utf8")),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const deliveryId = randomUUID();
        const response = await POST(callbackRequest(body, { deliveryId }));
        expect([200, 400, 413]).toContain(response.status);
        expect((await records.deliveries(deliveryId)).length).toBeGreaterThan(0);
      }),
      run,
    );
  });

  it("answers 401 to a missing, mangled or wrongly keyed signature, never 500", async () => {
    const signatures = fc.oneof(
      fc.constant(null),
      fc.string(),
      fc.string().map((secret) => ({ secret: `${secret}x` })),
    );
    await fc.assert(
      fc.asyncProperty(oddCallback, signatures, async (fields, signature) => {
        const body = callbackBody(fields as Record<string, JsonValue>);
        const options =
          signature !== null && typeof signature === "object"
            ? { signature: signCallbackBody(body, `${localCallbackSecret}${signature.secret}`) }
            : { signature };
        // A random string that happens to be the right signature is not a failure of the route.
        fc.pre(options.signature !== signCallbackBody(body, localCallbackSecret));
        const response = await POST(callbackRequest(body, options));
        expect(response.status).toBe(401);
      }),
      run,
    );
  });
});
