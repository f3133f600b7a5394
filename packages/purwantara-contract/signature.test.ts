import { describe, expect, it } from "vitest";
import { signCallbackBody, verifyCallbackSignature } from "@purwantara/contract/signature";

const secret = "team-secret";
// Bytes exactly as PHP's json_encode writes them: "\/" in URLs, "\u00e9" for é.
const phpBody = Buffer.from(
  '{"uuid":"9cb83507-a0ab-4d59-ae53-123456789012","title":"Caf\\u00e9 order","amount":"10000.0000",' +
    '"status":"PAID","payment_link_url":"http:\\/\\/purwantara.id\\/share\\/payment-links\\/9cb83507"}',
  "utf8",
);
// hash_hmac('sha256', $body, 'team-secret') for exactly these bytes, computed
// independently with `openssl dgst -sha256 -hmac team-secret`.
const phpSignature = "cc2c654ae817686a25a623612dbe26e2e7a19f3915214bf0ab502cc24e292471";

describe("callback signature", () => {
  it("matches PHP's hash_hmac over the raw bytes", () => {
    expect(signCallbackBody(phpBody, secret)).toBe(phpSignature);
    expect(signCallbackBody(phpBody.toString("utf8"), secret)).toBe(phpSignature);
  });

  it("accepts the raw PHP bytes with their \\/ and \\u escapes", () => {
    expect(phpBody.toString()).toContain("http:\\/\\/");
    expect(phpBody.toString()).toContain("\\u00e9");
    expect(verifyCallbackSignature(phpBody, phpSignature, [secret])).toBe(true);
  });

  it("rejects the same payload re-serialized by JSON.stringify", () => {
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(phpBody.toString())));
    expect(reserialized.equals(phpBody)).toBe(false);
    expect(verifyCallbackSignature(reserialized, phpSignature, [secret])).toBe(false);
  });

  it("accepts the previous secret during a rotation, and upper-case hex", () => {
    expect(
      verifyCallbackSignature(phpBody, phpSignature.toUpperCase(), ["new-secret", secret]),
    ).toBe(true);
  });

  it("rejects a wrong secret, a changed byte, and malformed or missing signatures", () => {
    expect(verifyCallbackSignature(phpBody, phpSignature, ["other"])).toBe(false);
    const tampered = Buffer.from(phpBody);
    tampered[tampered.length - 3] = 0x30;
    expect(verifyCallbackSignature(tampered, phpSignature, [secret])).toBe(false);
    expect(verifyCallbackSignature(phpBody, phpSignature.slice(0, 63), [secret])).toBe(false);
    expect(verifyCallbackSignature(phpBody, "zz".repeat(32), [secret])).toBe(false);
    expect(verifyCallbackSignature(phpBody, null, [secret])).toBe(false);
    expect(verifyCallbackSignature(phpBody, phpSignature, [])).toBe(false);
  });
});
