import { formatRupiah, formatWib } from "./format";
import { actionButton, escapeHtml, notice, page, statusBadge } from "./html";
import { canApply } from "./lifecycle";
import type { Transaction } from "./types";

function outcome(tx: Transaction, payAction: string): string {
  if (canApply(tx, "pay")) {
    return `${actionButton(payAction, "Pay", "primary")}
<p class="muted">Simulated payment: it is marked paid via ${escapeHtml(tx.paidWith.channel)} and a callback is sent.</p>`;
  }
  const returnUrl = tx.extra.return_url;
  const back = returnUrl
    ? `<p><a href="${escapeHtml(returnUrl)}">Return to the merchant</a></p>`
    : "";
  const paid = tx.status === "PAID" || tx.status === "SETTLED";
  return `<p>${paid ? "This has been paid. Thank you!" : "This can no longer be paid."}</p>${back}`;
}

/** QRIS: the (placeholder) image behind `qr_url` and the payload a wallet would read. */
function qrCode(tx: Transaction): string {
  const { qr_url: url, qr_string: payload } = tx.extra;
  if (!url || !payload) return "";
  return `<img class="qr" src="${escapeHtml(url)}" width="200" height="200" alt="QRIS code placeholder for ${escapeHtml(formatRupiah(tx.amount))}">
<details><summary>QR payload</summary><code class="payload">${escapeHtml(payload)}</code></details>`;
}

/** The buyer-facing page of a payment link, a ShopeePay checkout or a QRIS code. */
export function renderCheckoutPage(
  tx: Transaction,
  productLabel: string,
  payAction: string,
  message: string | null,
): string {
  const description = tx.description ? `<p>${escapeHtml(tx.description)}</p>` : "";
  const body = `<main class="checkout">
${notice(message)}
<div class="eyebrow">${escapeHtml(productLabel)} · Purwantara checkout (emulator)</div>
<h1>${escapeHtml(tx.title)}</h1>
${description}
<div class="amount">${escapeHtml(formatRupiah(tx.amount))}</div>
${qrCode(tx)}
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
