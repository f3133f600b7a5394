/** A route under some prefix; `pattern` matches the rest of the path, groups become params. */
export interface Route<H> {
  method: "GET" | "POST";
  pattern: RegExp;
  handler: H;
}

export type RouteMatch<H> =
  | { kind: "found"; handler: H; params: string[] }
  | { kind: "method-not-allowed"; allowed: string[] }
  | { kind: "not-found" };

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function matchRoute<H>(
  routes: readonly Route<H>[],
  method: string,
  path: string,
): RouteMatch<H> {
  const allowed: string[] = [];
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (route.method === method) {
      return {
        kind: "found",
        handler: route.handler,
        params: match.slice(1).map((p) => safeDecode(p ?? "")),
      };
    }
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: "method-not-allowed", allowed } : { kind: "not-found" };
}

/** The part of `pathname` after `prefix`, without a trailing slash. */
export function subPath(pathname: string, prefix: string): string {
  return pathname.slice(prefix.length).replace(/\/+$/, "");
}
