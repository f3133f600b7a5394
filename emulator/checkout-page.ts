import { formatRupiah, formatWib } from "../lib/format";
import { actionButton, escapeHtml, notice, page, statusBadge } from "./html";
import { canApply } from "./lifecycle";
import type { Transaction } from "./types";

function outcome(tx: Transaction, payAction: string): string {
  if (canApply(tx, "pay")) {
    return `${actionButton(payAction, "Pay", "primary")}
<p class="muted">Simulated payment: the link is marked paid via ${escapeHtml(tx.paidWith.channel)} and a callback is sent.</p>`;
  }
  const returnUrl = tx.extra.return_url;
  const back = returnUrl
    ? `<p><a href="${escapeHtml(returnUrl)}">Return to the merchant</a></p>`
    : "";
  const paid = tx.status === "PAID" || tx.status === "SETTLED";
  return `<p>${paid ? "This link has been paid. Thank you!" : "This link can no longer be paid."}</p>${back}`;
}

/** The buyer-facing hosted checkout page behind `payment_link_url`. */
export function renderCheckoutPage(
  tx: Transaction,
  payAction: string,
  message: string | null,
): string {
  const description = tx.description ? `<p>${escapeHtml(tx.description)}</p>` : "";
  const body = `<main class="checkout">
${notice(message)}
<div class="eyebrow">Purwantara checkout (emulator)</div>
<h1>${escapeHtml(tx.title)}</h1>
${description}
<div class="amount">${escapeHtml(formatRupiah(tx.amount))}</div>
<p>Status: ${statusBadge(tx.status)}<br><span class="muted">Pay before ${escapeHtml(formatWib(tx.expiresAt))}</span></p>
${outcome(tx, payAction)}
</main>`;
  return page(`${tx.title} · Purwantara checkout`, body);
}

export function renderNotFoundPage(message: string): string {
  return page(
    "Not found",
    `<main class="checkout"><h1>Not found</h1><p>${escapeHtml(message)}</p><p><a href="/">Simulator</a></p></main>`,
  );
}
