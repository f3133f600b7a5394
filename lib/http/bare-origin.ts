/** An http(s) origin with nothing after it (no path, query, fragment or credentials): APP_URL. */
export function isBareOrigin(value: string): boolean {
  const url = new URL(value);
  return (
    (url.protocol === "https:" || url.protocol === "http:") &&
    url.pathname === "/" &&
    !url.search &&
    !url.hash &&
    !url.username &&
    !url.password
  );
}
