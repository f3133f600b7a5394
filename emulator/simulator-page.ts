import { productModule } from "./channels";
import { formatRupiah, formatWib } from "../lib/format";
import { actionButton, escapeHtml, notice, page, statusBadge } from "./html";
import { canApply, transitionNames, transitions, type TransitionName } from "./lifecycle";
import type { Delivery, Transaction } from "./types";

/** Enough rows to work with; a benchmark run can create far more. */
const maxRows = 200;

export interface SimulatorView {
  transactions: Transaction[];
  /** Latest delivery per transaction uuid. */
  lastDeliveries: Map<string, Delivery>;
  callbackTries: number;
  apiBase: string;
  callbackUrl: string;
  message: string | null;
}

const buttonClass: Record<TransitionName, string> = {
  pay: "primary",
  expire: "",
  settle: "",
  fail: "danger",
  cancel: "",
};

/** "delivered 200", "retrying (502)", "failed after 3 tries (ECONNREFUSED)". */
export function describeDelivery(delivery: Delivery | undefined): string {
  if (!delivery) return "none";
  const last = delivery.attempts.at(-1);
  const outcome = last ? String(last.status ?? last.error) : "";
  if (delivery.state === "delivered") return `delivered ${outcome}`;
  if (delivery.state === "failed") {
    const tries = delivery.attempts.length;
    return `failed after ${tries} ${tries === 1 ? "try" : "tries"} (${outcome})`;
  }
  return last ? `retrying (${outcome})` : "sending";
}

function callbackCell(delivery: Delivery | undefined): string {
  const tone = delivery ? `cb-${delivery.state}` : "muted";
  return `<span class="${tone}">${escapeHtml(describeDelivery(delivery))}</span>`;
}

/** Date on one line, time on the next, so the column stays narrow. */
function createdCell(iso: string): string {
  const [, date = "", time = ""] = /^(.*) (\d{2}\.\d{2} WIB)$/.exec(formatWib(iso)) ?? [];
  return `<span class="nowrap">${escapeHtml(date)}</span><br><span class="nowrap small muted">${escapeHtml(time)}</span>`;
}

function actions(tx: Transaction): string {
  const allowed = transitionNames.filter((name) => canApply(tx, name));
  if (allowed.length === 0) return `<span class="muted">—</span>`;
  const forms = allowed.map((name) =>
    actionButton(
      `/simulator/transactions/${encodeURIComponent(tx.uuid)}/${name}`,
      transitions[name].label,
      buttonClass[name],
    ),
  );
  return `<div class="actions">${forms.join("")}</div>`;
}

function row(tx: Transaction, delivery: Delivery | undefined): string {
  const product = productModule(tx.product)?.label ?? tx.product;
  const externalId = tx.externalId ? escapeHtml(tx.externalId) : `<span class="muted">—</span>`;
  return `<tr>
<td class="nowrap">${escapeHtml(product)}</td>
<td class="title">${escapeHtml(tx.title)}</td>
<td class="num">${escapeHtml(formatRupiah(tx.amount))}</td>
<td>${statusBadge(tx.status)}</td>
<td class="mono uuid">${escapeHtml(tx.uuid)}</td>
<td class="mono">${externalId}</td>
<td>${createdCell(tx.createdAt)}</td>
<td>${callbackCell(delivery)}</td>
<td>${actions(tx)}</td>
</tr>`;
}

function table(view: SimulatorView): string {
  if (view.transactions.length === 0) {
    return `<div class="card"><p class="empty">No transactions yet. Create one through the API at <code>${escapeHtml(view.apiBase)}</code>.</p></div>`;
  }
  const shown = view.transactions.slice(0, maxRows);
  const count =
    shown.length < view.transactions.length
      ? `newest ${shown.length} of ${view.transactions.length}`
      : `${shown.length}`;
  const headings = [
    "Product",
    "Title",
    "Amount",
    "Status",
    "UUID",
    "External ID",
    "Created",
    "Last callback",
    "Actions",
  ];
  return `<div class="card"><table>
<caption>Transactions, newest first (${count})</caption>
<thead><tr>${headings.map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead>
<tbody>
${shown.map((tx) => row(tx, view.lastDeliveries.get(tx.uuid))).join("\n")}
</tbody>
</table></div>`;
}

export function renderSimulatorPage(view: SimulatorView): string {
  const header = `<header>
<h1>Purwantara payment simulator</h1>
<p>API <code>${escapeHtml(view.apiBase)}</code> · callbacks to <code>${escapeHtml(view.callbackUrl)}</code> (${view.callbackTries} tries) · <a href="/">Refresh</a></p>
</header>`;
  return page(
    "Purwantara payment simulator",
    `${header}\n<main>\n${notice(view.message)}\n${table(view)}\n</main>`,
  );
}
