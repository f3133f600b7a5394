/**
 * A value `phpJsonEncode` can write. Objects keep their key order, as PHP arrays
 * do; note that JavaScript moves integer-like keys ("8") to the front, so payloads
 * must not use them as keys.
 */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const shortEscapes: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "/": "\\/",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

function hex4(code: number): string {
  return "\\u" + code.toString(16).padStart(4, "0");
}

/**
 * Escapes like PHP's json_encode with default flags: `/` as `\/`, every code unit
 * outside printable ASCII as a lowercase `\uXXXX` (so astral characters become
 * surrogate pairs), control characters as `\u00XX` unless they have a short form.
 * DEL (0x7f) stays as is, as PHP leaves it.
 */
function encodeString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const char = value.charAt(i);
    const code = value.charCodeAt(i);
    const short = shortEscapes[char];
    if (short !== undefined) out += short;
    else if (code < 0x20 || code > 0x7f) out += hex4(code);
    else out += char;
  }
  return out + '"';
}

function encodeNumber(value: number): string {
  // PHP writes floats with its own precision rules; the gateway's payloads carry
  // money as strings and counts as integers, so anything else is a bug here.
  if (!Number.isSafeInteger(value)) {
    throw new TypeError(`phpJsonEncode supports integers only, got ${value}`);
  }
  return String(value === 0 ? 0 : value);
}

/**
 * The exact bytes PHP's `json_encode($value)` produces with default flags, which is
 * what Purwantara signs and sends in callbacks (and answers its API with).
 */
export function phpJsonEncode(value: JsonValue): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      return encodeNumber(value);
    case "string":
      return encodeString(value);
  }
  if (Array.isArray(value)) return "[" + value.map(phpJsonEncode).join(",") + "]";
  if (typeof value !== "object") throw new TypeError(`phpJsonEncode cannot encode ${typeof value}`);
  const members = Object.entries(value).map(([key, member]) => {
    if (member === undefined) throw new TypeError(`phpJsonEncode: key "${key}" is undefined`);
    return encodeString(key) + ":" + phpJsonEncode(member);
  });
  return "{" + members.join(",") + "}";
}
