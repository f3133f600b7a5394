import type { CaughtMessage } from "./store";

const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c] ?? c);

const css = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#f3f4f6}
header{background:#0f172a;color:#f8fafc;padding:16px 20px}
header h1{margin:0;font-size:19px}
header p{margin:4px 0 0;color:#cbd5e1;font-size:13px}
header a{color:#93c5fd}
main{padding:20px;max-width:1000px}
.card{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.08);overflow-x:auto}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;padding:10px 12px;border-bottom:1px solid #e5e7eb;vertical-align:top}
th{font-size:12px;text-transform:uppercase;color:#4b5563}
a{color:#1d4ed8}
pre{white-space:pre-wrap;word-break:break-word;background:#f8fafc;padding:12px;border-radius:8px}
iframe{width:100%;height:520px;border:1px solid #e5e7eb;border-radius:8px;background:#fff}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:0 0 16px}
dt{color:#4b5563}dd{margin:0;word-break:break-all}
.empty{padding:24px;color:#4b5563}
`;

function layout(title: string, body: string, smtp: string, refresh = false): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
${refresh ? '<meta http-equiv="refresh" content="5">' : ""}
<title>${escape(title)}</title><style>${css}</style></head><body>
<header><h1><a href="/">Mail catcher</a></h1><p>Development and tests only: every email sent to SMTP ${escape(smtp)} is kept here, delivered to nobody. JSON: <a href="/api/messages">/api/messages</a></p></header>
<main>${body}</main></body></html>`;
}

/** The list of received messages, newest first; reloads itself every 5 s. */
export function listPage(messages: CaughtMessage[], smtp: string, to?: string): string {
  const rows = messages
    .map(
      (m) => `<tr><td>${escape(new Date(m.receivedAt).toLocaleString("en-GB"))}</td>
<td>${escape(m.to.join(", ") || m.envelope.to.join(", "))}</td>
<td><a href="/messages/${encodeURIComponent(m.id)}">${escape(m.subject ?? "(no subject)")}</a></td>
<td>${m.attachments.length || ""}</td></tr>`,
    )
    .join("");
  const filter = `<form method="get" action="/" style="margin:0 0 12px"><label>Recipient <input name="to" value="${escape(to ?? "")}" type="email"></label> <button>Filter</button></form>`;
  const table = messages.length
    ? `<table><thead><tr><th>Received</th><th>To</th><th>Subject</th><th>Attachments</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p class="empty">No mail yet.</p>`;
  return layout("Mail catcher", `${filter}<div class="card">${table}</div>`, smtp, true);
}

/** One message: its headers, the HTML part in a sandboxed frame, the text part, attachments. */
export function messagePage(m: CaughtMessage, smtp: string): string {
  const id = encodeURIComponent(m.id);
  const attachments = m.attachments
    .map(
      (a, i) =>
        `<li><a href="/api/messages/${id}/attachments/${i}">${escape(a.filename ?? `attachment ${i + 1}`)}</a> (${escape(a.contentType)}, ${a.size} bytes)</li>`,
    )
    .join("");
  const body = `<div class="card" style="padding:16px">
<h2 style="margin-top:0">${escape(m.subject ?? "(no subject)")}</h2>
<dl><dt>From</dt><dd>${escape(m.from ?? "")}</dd><dt>To</dt><dd>${escape(m.to.join(", "))}</dd>
<dt>Envelope</dt><dd>${escape(m.envelope.from ?? "")} → ${escape(m.envelope.to.join(", "))}</dd>
<dt>Received</dt><dd>${escape(m.receivedAt)}</dd>
${Object.entries(m.headers)
  .map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`)
  .join("")}</dl>
${m.html ? `<h3>HTML</h3><iframe sandbox title="HTML part" src="/api/messages/${id}/html"></iframe>` : ""}
${m.text ? `<h3>Text</h3><pre>${escape(m.text)}</pre>` : ""}
${attachments ? `<h3>Attachments</h3><ul>${attachments}</ul>` : ""}
<p><a href="/api/messages/${id}/raw">Raw message</a> · <a href="/api/messages/${id}">JSON</a></p></div>`;
  return layout(m.subject ?? "Message", body, smtp);
}
