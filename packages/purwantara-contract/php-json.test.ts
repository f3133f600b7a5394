import { describe, expect, it } from "vitest";
import { phpJsonEncode } from "@purwantara/contract/php-json";

describe("phpJsonEncode", () => {
  it("reproduces the callback body from Purwantara's guide byte for byte", () => {
    // The seen example, with the guide's line breaks removed.
    const expected =
      '{"uuid":"9cb83507-a0ab-4d59-ae53-123456789012",' +
      '"event":{"meta":{"customer_phone":"08123456789"},"type":"payment-link","channel":"OVO"},' +
      '"title":"Demo","amount":"10000.0000","status":"ACTIVE","paid_at":null,"settle_at":null,' +
      '"channel_id":8,"created_at":"2023-07-26T03:04:05.000000Z",' +
      '"expires_at":"2023-08-31T05:00:00.000000Z","return_url":null,"description":"Demo",' +
      '"external_id":null,' +
      '"payment_link_url":"http:\\/\\/purwantara.id\\/share\\/payment-links\\/9cb83507-a0ab-4d59-ae53-123456789012"}';
    const value = {
      uuid: "9cb83507-a0ab-4d59-ae53-123456789012",
      event: { meta: { customer_phone: "08123456789" }, type: "payment-link", channel: "OVO" },
      title: "Demo",
      amount: "10000.0000",
      status: "ACTIVE",
      paid_at: null,
      settle_at: null,
      channel_id: 8,
      created_at: "2023-07-26T03:04:05.000000Z",
      expires_at: "2023-08-31T05:00:00.000000Z",
      return_url: null,
      description: "Demo",
      external_id: null,
      payment_link_url:
        "http://purwantara.id/share/payment-links/9cb83507-a0ab-4d59-ae53-123456789012",
    };
    expect(phpJsonEncode(value)).toBe(expected);
  });

  // Expected strings are what PHP 8's json_encode($value) prints with default flags.
  it.each([
    ["a/b", '"a\\/b"'],
    ["café", '"caf\\u00e9"'],
    ["Kopi ☕", '"Kopi \\u2615"'],
    ["😀", '"\\ud83d\\ude00"'],
    ["Rp 10.000 – Ü", '"Rp 10.000 \\u2013 \\u00dc"'],
    ['say "hi" \\ bye', '"say \\"hi\\" \\\\ bye"'],
    ["\b\f\n\r\t", '"\\b\\f\\n\\r\\t"'],
    ["\u0000\u0001\u001f", '"\\u0000\\u0001\\u001f"'],
    ["\u007f", '"\u007f"'],
    ["<a href='x'>&</a>", "\"<a href='x'>&<\\/a>\""],
    ["\u2028", '"\\u2028"'],
  ])("encodes the string %j like PHP", (input, expected) => {
    expect(phpJsonEncode(input)).toBe(expected);
  });

  it("encodes scalars, lists and nested objects without spaces, keeping key order", () => {
    expect(phpJsonEncode(null)).toBe("null");
    expect(phpJsonEncode(true)).toBe("true");
    expect(phpJsonEncode(false)).toBe("false");
    expect(phpJsonEncode(-42)).toBe("-42");
    expect(phpJsonEncode([])).toBe("[]");
    expect(phpJsonEncode({})).toBe("{}");
    expect(phpJsonEncode({ z: 1, a: [1, "x", null], m: { "k/1": false } })).toBe(
      '{"z":1,"a":[1,"x",null],"m":{"k\\/1":false}}',
    );
  });

  it("refuses numbers PHP would print differently", () => {
    expect(() => phpJsonEncode(1.5)).toThrow(TypeError);
    expect(() => phpJsonEncode(Number.NaN)).toThrow(TypeError);
    expect(() => phpJsonEncode(2 ** 60)).toThrow(TypeError);
  });
});
