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

/** SWR's one fetcher: JSON on 2xx, a FetchError otherwise. */
export async function jsonFetcher<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new FetchError(response.status, body?.error ?? `Request failed (${response.status})`);
  }
  return (await response.json()) as T;
}
