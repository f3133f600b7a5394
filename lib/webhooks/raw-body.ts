/**
 * A stored body made readable two ways: pretty-printed JSON when it is JSON, and the
 * exact bytes with everything invisible or invalid spelled out (a NUL, a byte that is
 * not UTF-8, an escaped lone surrogate, a zero-width space), so a person can see what
 * Purwantara really sent.
 */
export type ByteSegment = { text: string; escaped: boolean };

export type RawBodyView = {
  size: number;
  validUtf8: boolean;
  /** Indented JSON; null with a reason when the body cannot be shown that way. */
  pretty: string | null;
  prettyProblem: "notJson" | "tooDeep" | "tooLarge" | null;
  /** The bytes in order; escaped segments stand for what would be invisible or invalid. */
  exact: ByteSegment[];
};

const maxPrettyDepth = 64;
const maxPrettyChars = 512 * 1024;

function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    if (v && typeof v === "object") {
      for (const child of Object.values(v as object)) stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

function prettyJson(text: string): Pick<RawBodyView, "pretty" | "prettyProblem"> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Not JSON, or nested beyond what the parser's stack allows.
    return { pretty: null, prettyProblem: "notJson" };
  }
  if (depthOf(value, maxPrettyDepth) > maxPrettyDepth)
    return { pretty: null, prettyProblem: "tooDeep" };
  // JSON.stringify writes a lone surrogate and every control character as an escape.
  const pretty = JSON.stringify(value, null, 2);
  if (pretty.length > maxPrettyChars) return { pretty: null, prettyProblem: "tooLarge" };
  return { pretty, prettyProblem: null };
}

const named: Record<number, string> = { 0x09: "\\t", 0x0a: "\\n", 0x0d: "\\r", 0x00: "\\0" };

/** Characters that show as nothing, or change what is around them. */
function isInvisible(codePoint: number): boolean {
  const c = String.fromCodePoint(codePoint);
  return (
    /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}]/u.test(c) || (/\p{Zs}/u.test(c) && codePoint !== 0x20)
  );
}

function hex(n: number, width: number): string {
  return n.toString(16).toUpperCase().padStart(width, "0");
}

/** Decodes one UTF-8 sequence at `i`: its code point and length, or null when invalid. */
function utf8At(bytes: Uint8Array, i: number): { cp: number; len: number } | null {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return { cp: b0, len: 1 };
  const len = b0 >= 0xf0 && b0 <= 0xf4 ? 4 : b0 >= 0xe0 ? 3 : b0 >= 0xc2 && b0 < 0xe0 ? 2 : 0;
  if (len === 0 || i + len > bytes.length) return null;
  let cp = b0 & (0xff >> (len + 1));
  for (let k = 1; k < len; k++) {
    const b = bytes[i + k]!;
    if ((b & 0xc0) !== 0x80) return null;
    cp = (cp << 6) | (b & 0x3f);
  }
  const min = [0, 0, 0x80, 0x800, 0x10000][len]!;
  // Overlong forms, UTF-16 surrogates written as bytes, beyond Unicode: not UTF-8.
  if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return null;
  return { cp, len };
}

/**
 * JSON escapes that decode to what PostgreSQL refuses or a person cannot see: a
 * control character (`\u0000`…`\u001f`) or half of a surrogate pair.
 */
const oddEscape = /\\u(?:00[01][0-9a-fA-F]|[dD][89a-fA-F][0-9a-fA-F]{2})/g;

function markOddEscapes(segments: ByteSegment[]): ByteSegment[] {
  return segments.flatMap((segment) => {
    if (segment.escaped) return [segment];
    const parts: ByteSegment[] = [];
    let at = 0;
    for (const match of segment.text.matchAll(oddEscape)) {
      if (match.index > at)
        parts.push({ text: segment.text.slice(at, match.index), escaped: false });
      parts.push({ text: match[0], escaped: true });
      at = match.index + match[0].length;
    }
    if (at < segment.text.length) parts.push({ text: segment.text.slice(at), escaped: false });
    return parts;
  });
}

export function exactSegments(bytes: Uint8Array): ByteSegment[] {
  const segments: ByteSegment[] = [];
  const push = (text: string, escaped: boolean) => {
    const last = segments.at(-1);
    if (last && last.escaped === escaped && !escaped) last.text += text;
    else segments.push({ text, escaped });
  };
  for (let i = 0; i < bytes.length;) {
    const decoded = utf8At(bytes, i);
    if (!decoded) {
      push(`\\x${hex(bytes[i]!, 2)}`, true);
      i += 1;
      continue;
    }
    const { cp, len } = decoded;
    i += len;
    if (named[cp]) {
      push(named[cp], true);
      // A real line break after \n keeps the text's shape.
      if (cp === 0x0a) push("\n", false);
    } else if (isInvisible(cp)) {
      push(`\\u{${hex(cp, 4)}}`, true);
    } else {
      push(String.fromCodePoint(cp), false);
    }
  }
  return markOddEscapes(segments);
}

/** Both views of a stored body; invalid UTF-8 is replaced in the pretty view and flagged. */
export function describeRawBody(raw: Uint8Array): RawBodyView {
  let validUtf8 = true;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    validUtf8 = false;
    text = new TextDecoder("utf-8").decode(raw);
  }
  return {
    size: raw.length,
    validUtf8,
    ...prettyJson(text),
    exact: exactSegments(raw),
  };
}
