export type BodyRead =
  | { ok: true; bytes: Buffer }
  | { ok: false; reason: "too_large" }
  /** The body did not arrive whole within the deadline: a slow or stalled sender. */
  | { ok: false; reason: "too_slow" };

const timedOut = Symbol("timed out");

/**
 * Reads a request body as raw bytes, giving up once it passes `limit` bytes or, with a
 * `deadlineMs`, once that long has passed without the whole body: a sender trickling
 * bytes holds nothing of ours past it (the server's requestTimeout, scripts/start.mjs,
 * is the outer bound for every route).
 */
export async function readBodyWithLimit(
  request: Request,
  limit: number,
  options: { deadlineMs?: number } = {},
): Promise<BodyRead> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return { ok: false, reason: "too_large" };
  if (!request.body) return { ok: true, bytes: Buffer.alloc(0) };
  const reader = request.body.getReader();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof timedOut>((resolve) => {
    if (options.deadlineMs !== undefined) timer = setTimeout(resolve, options.deadlineMs, timedOut);
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), deadline]);
      if (next === timedOut) {
        void reader.cancel().catch(() => undefined);
        return { ok: false, reason: "too_slow" };
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return { ok: false, reason: "too_large" };
      }
      chunks.push(next.value);
    }
  } finally {
    clearTimeout(timer);
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}
