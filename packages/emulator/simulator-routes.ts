import type { IncomingMessage, ServerResponse } from "node:http";
import { renderNotFoundPage } from "./checkout-page";
import { hostedPageRoutes } from "./hosted-pages";
import { redirect, sendHtml, withMessage } from "./http";
import { applyTransition, isTransitionName, transitions, type LifecycleDeps } from "./lifecycle";
import { matchRoute, subPath, type Route } from "./router";
import { renderSimulatorPage, renderTransactionsTable, type TableView } from "./simulator-page";
import { simulatorTablePath } from "./simulator-script";
import type { Delivery } from "./types";

export interface PageDeps extends LifecycleDeps {
  apiBase(): string;
}

export type PageHandler = (deps: PageDeps, params: string[], url: URL, res: ServerResponse) => void;

function tableView(deps: PageDeps): TableView {
  const lastDeliveries = new Map<string, Delivery>();
  for (const delivery of deps.store.listDeliveries()) lastDeliveries.set(delivery.uuid, delivery);
  return { transactions: deps.store.listTransactions(), lastDeliveries, apiBase: deps.apiBase() };
}

function simulator(deps: PageDeps, _params: string[], url: URL, res: ServerResponse): void {
  const html = renderSimulatorPage({
    ...tableView(deps),
    callbackTries: deps.callbacks.tries,
    callbackUrl: deps.callbacks.callbackUrl,
    message: url.searchParams.get("message"),
  });
  sendHtml(res, 200, html);
}

/** A simulator button: apply, then back to the list with what happened (POST-redirect-GET). */
function simulatorAction(
  deps: PageDeps,
  [uuid = "", name = ""]: string[],
  _url: URL,
  res: ServerResponse,
): void {
  if (!isTransitionName(name))
    return sendHtml(res, 404, renderNotFoundPage(`Unknown action ${name}.`));
  const result = applyTransition(deps, uuid, name);
  const message = result.ok
    ? `${transitions[name].label}: “${result.transaction.title}” is now ${result.transaction.status}; callback ${result.callbackDropped ? "dropped" : "queued"}.`
    : result.message;
  redirect(res, withMessage("/", message));
}

const routes: readonly Route<PageHandler>[] = [
  { method: "GET", pattern: /^$/, handler: simulator },
  {
    method: "GET",
    pattern: new RegExp(`^${simulatorTablePath.slice(1)}$`),
    handler: (deps, _params, _url, res) =>
      sendHtml(res, 200, renderTransactionsTable(tableView(deps))),
  },
  {
    method: "POST",
    pattern: /^simulator\/transactions\/([^/]+)\/([a-z]+)$/,
    handler: simulatorAction,
  },
  ...hostedPageRoutes,
];

/** Serves the human pages; false when the path is not one of them. */
export function handlePages(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  deps: PageDeps,
): boolean {
  const match = matchRoute(routes, req.method ?? "GET", subPath(url.pathname, "/"));
  if (match.kind === "not-found") return false;
  if (match.kind === "method-not-allowed") {
    res.setHeader("allow", match.allowed.join(", "));
    sendHtml(res, 405, renderNotFoundPage(`Use ${match.allowed.join(" or ")} here.`));
    return true;
  }
  match.handler(deps, match.params, url, res);
  return true;
}
