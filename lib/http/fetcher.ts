/** An HTTP error from one of our JSON routes, with the message it sent. */
export class FetchError extends Error {
  override name = "FetchError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The last answer per URL with its ETag. Payment data is `no-store` (never written to
 * the browser's disk cache), so the fetcher revalidates itself: it sends If-None-Match
 * and a 304 reuses the answer kept here, in memory only.
 */
const lastAnswers = new Map<string, { etag: string; data: unknown }>();
const keptAnswers = 20;

/** SWR's one fetcher: JSON on 2xx (or the kept answer on 304), a FetchError otherwise. */
export async function jsonFetcher<T>(url: string): Promise<T> {
  const known = lastAnswers.get(url);
  const response = await fetch(url, {
    headers: { Accept: "application/json", ...(known ? { "If-None-Match": known.etag } : {}) },
    cache: "no-store",
  });
  if (response.status === 304 && known) {
    // Read the (empty) body to the end: an unread response is reported as cancelled in
    // DevTools, and its connection is held until it is collected.
    await response.arrayBuffer().catch(() => undefined);
    return known.data as T;
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new FetchError(response.status, body?.error ?? `Request failed (${response.status})`);
  }
  const data = (await response.json()) as T;
  const etag = response.headers.get("etag");
  if (etag) {
    lastAnswers.delete(url);
    lastAnswers.set(url, { etag, data });
    if (lastAnswers.size > keptAnswers) lastAnswers.delete(lastAnswers.keys().next().value!);
  }
  return data;
}
