/** The most of one gateway answer the app reads; Purwantara's JSON answers are a few KB. */
export const maxGatewayResponseBytes = 1024 * 1024;

/** What a gateway answer's body turned out to be. Text that is not JSON is never kept. */
export type GatewayBody =
  | { kind: "json"; value: unknown }
  | { kind: "empty" }
  | { kind: "not_json" }
  | { kind: "too_large" };

/**
 * Reads a response body as JSON, at most `maxBytes` of it: past that (by its
 * Content-Length or by counting) the rest is cancelled unread, so a misbehaving or
 * hostile server cannot fill the app's memory.
 */
export async function readBoundedJson(
  response: Response,
  maxBytes = maxGatewayResponseBytes,
): Promise<GatewayBody> {
  const declared = Number(response.headers.get("content-length") ?? "");
  if (!response.body) return { kind: "empty" };
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body.cancel().catch(() => undefined);
    return { kind: "too_large" };
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { kind: "too_large" };
    }
    chunks.push(value);
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  if (!text.trim()) return { kind: "empty" };
  try {
    return { kind: "json", value: JSON.parse(text) as unknown };
  } catch {
    return { kind: "not_json" };
  }
}
