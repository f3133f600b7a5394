import type { IncomingMessage, ServerResponse } from "node:http";
import { paymentLinkSharePath } from "./channels/payment-link";
import { renderCheckoutPage, renderNotFoundPage } from "./checkout-page";
import { redirect, sendHtml } from "./http";
import { applyTransition, isTransitionName, transitions, type LifecycleDeps } from "./lifecycle";
import { matchRoute, subPath, type Route } from "./router";
import { renderSimulatorPage } from "./simulator-page";
import type { Delivery } from "./types";

export interface PageDeps extends LifecycleDeps {
  apiBase(): string;
}

type PageHandler = (deps: PageDeps, params: string[], url: URL, res: ServerResponse) => void;

function withMessage(path: string, message: string): string {
  return `${path}?message=${encodeURIComponent(message)}`;
}

function simulator(deps: PageDeps, _params: string[], url: URL, res: ServerResponse): void {
  const lastDeliveries = new Map<string, Delivery>();
  for (const delivery of deps.store.listDeliveries()) lastDeliveries.set(delivery.uuid, delivery);
  const html = renderSimulatorPage({
    transactions: deps.store.listTransactions(),
    lastDeliveries,
    callbackTries: deps.callbacks.tries,
    apiBase: deps.apiBase(),
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
    ? `${transitions[name].label}: “${result.transaction.title}” is now ${result.transaction.status}; callback queued.`
    : result.message;
  redirect(res, withMessage("/", message));
}

function checkout(deps: PageDeps, [uuid = ""]: string[], url: URL, res: ServerResponse): void {
  const tx = deps.store.getTransaction(uuid);
  if (!tx || tx.product !== "payment-link") {
    return sendHtml(res, 404, renderNotFoundPage("This payment link does not exist."));
  }
  const payAction = `${paymentLinkSharePath(tx.uuid)}/pay`;
  sendHtml(res, 200, renderCheckoutPage(tx, payAction, url.searchParams.get("message")));
}

function checkoutPay(deps: PageDeps, [uuid = ""]: string[], _url: URL, res: ServerResponse): void {
  const result = applyTransition(deps, uuid, "pay");
  if (!result.ok && result.reason === "not-found") {
    return sendHtml(res, 404, renderNotFoundPage("This payment link does not exist."));
  }
  const path = paymentLinkSharePath(uuid);
  redirect(res, result.ok ? path : withMessage(path, result.message));
}

const routes: readonly Route<PageHandler>[] = [
  { method: "GET", pattern: /^$/, handler: simulator },
  {
    method: "POST",
    pattern: /^simulator\/transactions\/([^/]+)\/([a-z]+)$/,
    handler: simulatorAction,
  },
  { method: "GET", pattern: /^share\/payment-links\/([^/]+)$/, handler: checkout },
  { method: "POST", pattern: /^share\/payment-links\/([^/]+)\/pay$/, handler: checkoutPay },
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
