import type { GatewayCallQuery } from "@/lib/gateway-calls/list";

/** The log's URL for a filter and a page: what the filter form would have written. */
export function callsHref(query: GatewayCallQuery, before?: number): string {
  const params = new URLSearchParams();
  if (query.status) params.set("status", query.status);
  if (query.endpoint) params.set("endpoint", query.endpoint);
  if (query.transaction) params.set("transaction", query.transaction);
  if (before) params.set("before", String(before));
  const text = params.toString();
  return text ? `/gateway-calls?${text}` : "/gateway-calls";
}
