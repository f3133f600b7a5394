import { productModule } from "./channels";
import { formatRupiah, formatWib } from "./format";
import { actionButton, escapeHtml, notice, page, statusBadge } from "./html";
import { canApply, transitionNames, transitions, type TransitionName } from "./lifecycle";
import { refreshScript, simulatorRefreshMs } from "./simulator-script";
import type { Delivery, Transaction } from "./types";

/** Enough rows to work with; a benchmark run can create far more. */
const maxRows = 200;
const tableRegionId = "transactions";

export interface TableView {
  transactions: Transaction[];
  /** Latest delivery per transaction uuid. */
  lastDeliveries: Map<string, Delivery>;
  apiBase: string;
}

export interface SimulatorView extends TableView {
  callbackTries: number;
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
  if (delivery.state === "dropped") return "dropped (not sent)";
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

const muted = (text: string) => `<span class="muted">${escapeHtml(text)}</span>`;

function channelCell(tx: Transaction): string {
  const product = productModule(tx.product);
  const detail = product?.detail?.(tx);
  const label = escapeHtml(product?.label ?? tx.product);
  const prefix = product?.hostedPagePrefix;
  const buyerPage = prefix
    ? ` <a class="small" href="${escapeHtml(`${prefix}/${encodeURIComponent(tx.uuid)}`)}">buyer page</a>`
    : "";
  const second = detail ? `<br><span class="small muted mono">${escapeHtml(detail)}</span>` : "";
  return label + buyerPage + second;
}

/** The title is the row's header, so a screen reader names the row's buttons with it. */
function row(tx: Transaction, delivery: Delivery | undefined): string {
  return `<tr>
<td class="nowrap">${channelCell(tx)}</td>
<td class="mono">${tx.externalId ? escapeHtml(tx.externalId) : muted("—")}</td>
<th scope="row" class="title">${escapeHtml(tx.title)}</th>
<td class="num">${escapeHtml(formatRupiah(tx.amount))}</td>
<td>${statusBadge(tx.status)}</td>
<td class="mono uuid">${escapeHtml(tx.uuid)}</td>
<td>${createdCell(tx.createdAt)}</td>
<td>${callbackCell(delivery)}</td>
<td>${actions(tx)}</td>
</tr>`;
}

const headings = [
  "Channel",
  "Reference",
  "Title",
  "Amount",
  "Status",
  "UUID",
  "Created",
  "Last callback",
  "Actions",
];

/** The transactions table; also served alone, for the page's refresh script. */
export function renderTransactionsTable(view: TableView): string {
  if (view.transactions.length === 0) {
    return `<div class="card"><p class="empty">No transactions yet. Create one through the API at <code>${escapeHtml(view.apiBase)}</code>.</p></div>`;
  }
  const shown = view.transactions.slice(0, maxRows);
  const count =
    shown.length < view.transactions.length
      ? `newest ${shown.length} of ${view.transactions.length}`
      : `${shown.length}`;
  return `<div class="card"><table>
<caption>Transactions of every channel, newest first (${count})</caption>
<thead><tr>${headings.map((h) => `<th scope="col">${h}</th>`).join("")}</tr></thead>
<tbody>
${shown.map((tx) => row(tx, view.lastDeliveries.get(tx.uuid))).join("\n")}
</tbody>
</table></div>`;
}

export function renderSimulatorPage(view: SimulatorView): string {
  const header = `<header>
<h1>Purwantara payment simulator</h1>
<p>API <code>${escapeHtml(view.apiBase)}</code> · callbacks to <code>${escapeHtml(view.callbackUrl)}</code> (${view.callbackTries} tries) · the table updates every ${simulatorRefreshMs / 1000} s · <a href="/">Refresh</a></p>
</header>`;
  const main = `<main>
${notice(view.message)}
<div id="${tableRegionId}">${renderTransactionsTable(view)}</div>
</main>`;
  return page(
    "Purwantara payment simulator",
    `${header}\n${main}\n${refreshScript(tableRegionId)}`,
  );
}
