import { describe, expect, it } from "vitest";
import { describeRawBody, exactSegments } from "./raw-body";

const text = (bytes: Uint8Array) =>
  exactSegments(bytes)
    .map((s) => (s.escaped ? `[${s.text}]` : s.text))
    .join("");

describe("raw body views", () => {
  it("pretty-prints JSON, keeping escapes PostgreSQL refuses visible as escapes", () => {
    const view = describeRawBody(Buffer.from('{"a":"x\\u0000y","b":"\\ud800","n":1e400}'));
    expect(view.validUtf8).toBe(true);
    expect(view.pretty).toBe('{\n  "a": "x\\u0000y",\n  "b": "\\ud800",\n  "n": null\n}');
    expect(view.prettyProblem).toBeNull();
  });

  it("says why a body cannot be formatted: not JSON, too deep", () => {
    expect(describeRawBody(Buffer.from("status=PAID"))).toMatchObject({
      pretty: null,
      prettyProblem: "notJson",
    });
    const deep = "[".repeat(5000) + "]".repeat(5000);
    expect(describeRawBody(Buffer.from(deep))).toMatchObject({
      pretty: null,
      prettyProblem: "tooDeep",
    });
  });

  it("spells out invisible characters and bytes that are not UTF-8", () => {
    const bytes = Buffer.concat([
      Buffer.from("a\u0000b\tc\u200bd\n"),
      Buffer.from([0xff, 0xed, 0xa0, 0x80]),
      Buffer.from("é☕ "),
    ]);
    expect(text(bytes)).toBe("a[\\0]b[\\t]c[\\u{200B}]d[\\n]\n[\\xFF][\\xED][\\xA0][\\x80]é☕ ");
    expect(describeRawBody(bytes).validUtf8).toBe(false);
  });

  it("marks JSON escapes of a control character or a lone surrogate half", () => {
    const bytes = Buffer.from('{"a":"x\\u0000y\\ud800","b":"\\u00e9\\n"}');
    expect(text(bytes)).toBe('{"a":"x[\\u0000]y[\\ud800]","b":"\\u00e9\\n"}');
  });
});
