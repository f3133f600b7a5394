/**
 * What the gateway call log keeps of a request or an answer: its shape and the facts
 * support needs (amounts, statuses, channels, banks, references, VA numbers, error
 * codes), never a secret or a person. Keys naming a person or a secret lose their
 * value; free text the merchant typed (title, description) too; an email or an
 * Indonesian phone number anywhere else is replaced; long strings and lists are cut.
 */
const personalKey =
  /name|email|phone|mobile|msisdn|address|customer|token|secret|signature|password|authorization|ktp|nik|birth/i;
const freeTextKey = /^(title|description|note|notes|remarks?)$/i;
const email = /[^\s@"'<>]+@[^\s@"'<>]+\.[a-z]{2,}/gi;
// +62 / 62 / 08 followed by 7–12 digits, separators allowed: a mobile number.
const indonesianPhone = /(?<!\d)(?:\+?62[\s-]?|0)8[\d\s-]{7,14}\d(?!\d)/g;

const maxDepth = 8;
const maxItems = 20;
const maxString = 500;

export const redacted = "[redacted]";

function redactString(value: string): string {
  const scrubbed = value.replace(email, "[email]").replace(indonesianPhone, "[phone]");
  return scrubbed.length > maxString ? `${scrubbed.slice(0, maxString)}…` : scrubbed;
}

export function redactGatewayBody(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === "string") return redactString(value);
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (depth >= maxDepth) return redacted;
  if (Array.isArray(value)) {
    const kept = value.slice(0, maxItems).map((item) => redactGatewayBody(item, depth + 1));
    return value.length > maxItems ? [...kept, `[+${value.length - maxItems} more]`] : kept;
  }
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [
        key,
        item !== null && (personalKey.test(key) || freeTextKey.test(key))
          ? redacted
          : redactGatewayBody(item, depth + 1),
      ]),
    );
  }
  return redacted;
}

const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The path with its ids replaced, so calls group by endpoint: `virtual-account/inquiry/:id`. */
export function endpointOf(path: string): string {
  return (path.split("?")[0] ?? "")
    .replace(/^\/+/, "")
    .split("/")
    .map((segment) => (uuidLike.test(segment) || /^\d+$/.test(segment) ? ":id" : segment))
    .join("/")
    .slice(0, 200);
}
