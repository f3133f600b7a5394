import { describe, expect, it } from "vitest";
import { maxStoredDepth, sanitizeJson, storableText } from "./sanitize";

describe("storableText", () => {
  it.each([
    ["a\u0000b", "a\ufffdb"],
    ["\ud800", "\ufffd"],
    ["x\udc00y", "x\ufffdy"],
    ["\ud83d\ude00 kept", "\ud83d\ude00 kept"],
    ["Kopi Susu \u2615", "Kopi Susu \u2615"],
  ])("makes %j storable as %j", (text, stored) => {
    expect(storableText(text)).toBe(stored);
  });
});

describe("sanitizeJson", () => {
  it("leaves a storable body as it is, with no changes", () => {
    const body = { uuid: "u", amount: "10.0000", event: { meta: { tags: ["a", 1, null] } } };
    expect(sanitizeJson(body)).toEqual({ value: body, changes: [] });
  });

  it("replaces NUL and lone surrogates in values and keys, and says where", () => {
    const { value, changes } = sanitizeJson({
      title: "a\u0000",
      event: { ["k\ud800"]: ["\udc00"] },
    });
    expect(value).toEqual({ title: "a\ufffd", event: { "k\ufffd": ["\ufffd"] } });
    expect(changes.map((c) => c.path)).toEqual(["title", "event.k\ufffd", "event.k\ufffd[0]"]);
  });

  it("cuts nesting deeper than the limit, however deep", () => {
    const depth = 100_000;
    const deep: unknown = JSON.parse("[".repeat(depth) + "]".repeat(depth));
    const { value, changes } = sanitizeJson({ meta: deep });
    expect(changes).toHaveLength(1);
    expect(changes[0]?.what).toBe(`nested deeper than ${maxStoredDepth} levels, cut`);
    expect(() => JSON.stringify(value)).not.toThrow();
  });

  it("stores a number beyond double range as null", () => {
    expect(sanitizeJson(JSON.parse('{"n":1e400}'))).toMatchObject({ value: { n: null } });
  });
});
