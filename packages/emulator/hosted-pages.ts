import type { ServerResponse } from "node:http";
import { productModules } from "./channels";
import type { ProductModule } from "./channels/types";
import { renderCheckoutPage, renderNotFoundPage } from "./checkout-page";
import { redirect, sendHtml, withMessage } from "./http";
import { applyTransition } from "./lifecycle";
import { renderQrPlaceholder } from "./qr-placeholder";
import type { Route } from "./router";
import type { PageDeps, PageHandler } from "./simulator-routes";

function ownTransaction(deps: PageDeps, module: ProductModule, uuid: string) {
  const tx = deps.store.getTransaction(uuid);
  return tx?.product === module.product ? tx : undefined;
}

const missing = (res: ServerResponse) =>
  sendHtml(res, 404, renderNotFoundPage("This payment does not exist."));

function routesFor(module: ProductModule, prefix: string): Route<PageHandler>[] {
  const path = (uuid: string) => `${prefix}/${uuid}`;
  const pattern = (tail: string) => new RegExp(`^${prefix.slice(1)}/([^/]+)${tail}$`);
  return [
    {
      method: "GET",
      pattern: pattern(""),
      handler: (deps, [uuid = ""], url, res) => {
        const tx = ownTransaction(deps, module, uuid);
        if (!tx) return missing(res);
        const html = renderCheckoutPage(
          tx,
          module.label,
          `${path(tx.uuid)}/pay`,
          url.searchParams.get("message"),
        );
        sendHtml(res, 200, html);
      },
    },
    {
      method: "POST",
      pattern: pattern("/pay"),
      handler: (deps, [uuid = ""], _url, res) => {
        if (!ownTransaction(deps, module, uuid)) return missing(res);
        const result = applyTransition(deps, uuid, "pay");
        const back = path(uuid);
        redirect(res, result.ok ? back : withMessage(back, result.message));
      },
    },
    {
      method: "GET",
      pattern: pattern("/qr\\.svg"),
      handler: (deps, [uuid = ""], _url, res) => {
        const tx = ownTransaction(deps, module, uuid);
        if (!tx?.extra.qr_string) return missing(res);
        res.writeHead(200, { "content-type": "image/svg+xml", "cache-control": "no-store" });
        res.end(renderQrPlaceholder(tx));
      },
    },
  ];
}

/**
 * The buyer-facing pages of the products that have one (`<prefix>/<uuid>`): the
 * payment link's checkout, ShopeePay's `checkout_url`, QRIS's "scan with a wallet"
 * page, and the QR image behind `qr_url`. Each has a Pay button.
 */
export const hostedPageRoutes: readonly Route<PageHandler>[] = productModules.flatMap((m) =>
  m.hostedPagePrefix ? routesFor(m, m.hostedPagePrefix) : [],
);
