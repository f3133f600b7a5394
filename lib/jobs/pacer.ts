/**
 * Spaces calls at least `1 / perSecond` seconds apart (rate limiting towards the
 * gateway): each `await wait()` returns when the next call may start. An aborted
 * signal ends the wait at once.
 */
export function pacer(perSecond: number): (signal?: AbortSignal) => Promise<void> {
  const gapMs = 1000 / perSecond;
  let next = 0;
  return async (signal) => {
    const now = Date.now();
    const start = Math.max(now, next);
    next = start + gapMs;
    if (start <= now || signal?.aborted) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, start - now);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        resolve();
      }
      signal?.addEventListener("abort", done, { once: true });
    });
  };
}
