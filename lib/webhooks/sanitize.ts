/**
 * PostgreSQL refuses some things JSON allows: NUL (`\u0000`) and lone surrogates in
 * text and jsonb, and V8 cannot re-serialize nesting thousands of levels deep. The raw
 * bytes are kept as they came (bytea); these helpers make the copies that go into
 * text and jsonb columns storable, and say what they changed.
 */

/** Deeper than any callback Purwantara documents; deeper subtrees are cut from stored copies. */
export const maxStoredDepth = 32;

const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with NUL and lone surrogates replaced by U+FFFD, so PostgreSQL accepts it. */
export function storableText(text: string): string {
  return text.replace(unstorable, "\ufffd");
}

export type SanitizedJson = {
  value: unknown;
  /** Paths (like `event.meta.note`) whose stored copy differs from the body, and why. */
  changes: { path: string; what: string }[];
};

/** A copy of a parsed JSON value that PostgreSQL's text and jsonb can hold. */
export function sanitizeJson(value: unknown): SanitizedJson {
  const changes: SanitizedJson["changes"] = [];
  const walk = (v: unknown, path: string, depth: number): unknown => {
    if (typeof v === "string") {
      const clean = storableText(v);
      if (clean !== v) changes.push({ path, what: "NUL or lone surrogate replaced" });
      return clean;
    }
    if (typeof v === "number" && !Number.isFinite(v)) {
      changes.push({ path, what: "number beyond double range stored as null" });
      return null;
    }
    if (v === null || typeof v !== "object") return v;
    if (depth >= maxStoredDepth) {
      changes.push({ path, what: `nested deeper than ${maxStoredDepth} levels, cut` });
      return null;
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${path}[${i}]`, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(v)) {
      const cleanKey = storableText(key);
      const itemPath = path ? `${path}.${cleanKey}` : cleanKey;
      if (cleanKey !== key) changes.push({ path: itemPath, what: "NUL or lone surrogate in key" });
      out[cleanKey] = walk(item, itemPath, depth + 1);
    }
    return out;
  };
  return { value: walk(value, "", 0), changes };
}

/** A short, storable description of what sanitizing changed, for a delivery's reason. */
export function describeChanges(changes: SanitizedJson["changes"], limit = 3): string {
  const shown = changes.slice(0, limit).map((c) => `${c.path.slice(0, 60) || "body"}: ${c.what}`);
  const more = changes.length > limit ? ` and ${changes.length - limit} more` : "";
  return `stored copy differs from the body (${shown.join("; ")}${more})`;
}
