/** Only a path on this site: never an open redirect to another host. */
export function safeNextPath(value: string | undefined | null): string {
  const path = value ?? "";
  return /^\/(?![/\\])[\w\-/?=&%.]*$/.test(path) && !path.startsWith("/login") ? path : "/overview";
}
