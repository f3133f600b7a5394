/** Where a person lands when `next` is missing or refused. */
export const defaultNextPath = "/overview";

// Never a real host: the value is resolved against it only to see where it leads.
const dummyOrigin = "http://dummy.invalid";

// Tabs, newlines and other control characters are dropped by URL parsers, and a
// backslash is read as a slash: "/\t/evil" and "/\evil" both lead to another host.
const unsafeCharacters = /[\u0000-\u001f\u007f\\]/;
// Encoded slashes, backslashes and control characters in the path: a router or proxy
// that decodes once more would see "//host" or "/\host".
const encodedUnsafe = /%(2f|5c|[01][0-9a-f]|7f)/i;

/**
 * Only a path on this site: never an open redirect to another host. The value is
 * resolved as a browser would resolve it (dot segments, "%2e%2e", backslashes), and
 * the result must stay on this origin and not start with "//" (which the client router
 * would read as another host). Returns the normalised path, search and hash.
 */
export function safeNextPath(value: string | undefined | null): string {
  if (!value || value.length > 2048) return defaultNextPath;
  if (!value.startsWith("/") || unsafeCharacters.test(value)) return defaultNextPath;
  let url: URL;
  try {
    url = new URL(value, dummyOrigin);
  } catch {
    return defaultNextPath;
  }
  if (url.origin !== dummyOrigin || encodedUnsafe.test(url.pathname)) return defaultNextPath;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith("//") || path.startsWith("/\\")) return defaultNextPath;
  // Back to the sign-in page would loop.
  if (url.pathname === "/login" || url.pathname.startsWith("/login/")) return defaultNextPath;
  return path;
}

/** The request header the proxy sets to the page's own path and query. */
export const requestPathHeader = "x-request-path";

/** The sign-in page's `reason` when a session ended elsewhere (a role change, a sign-out of other devices). */
export const sessionEndedReason = "ended";

/**
 * The sign-in page for a person whose session is gone, carrying why and where they
 * were; `next` is checked again by the sign-in page before it is followed.
 */
export function loginPathFor(path: string | null, ended: boolean): string {
  const params = new URLSearchParams();
  const next = safeNextPath(path);
  if (path && next !== defaultNextPath) params.set("next", next);
  if (ended) params.set("reason", sessionEndedReason);
  const query = params.toString();
  return query ? `/login?${query}` : "/login";
}
