const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/** Badge colours per status; an unknown status falls back to grey but still shows. */
const statusTones: Record<string, { fg: string; bg: string }> = {
  ACTIVE: { fg: "#1e40af", bg: "#dbeafe" },
  PAID: { fg: "#166534", bg: "#dcfce7" },
  SETTLED: { fg: "#115e59", bg: "#ccfbf1" },
  EXPIRED: { fg: "#57534e", bg: "#e7e5e4" },
  CANCELLED: { fg: "#57534e", bg: "#e7e5e4" },
  FAILED: { fg: "#991b1b", bg: "#fee2e2" },
};

export function statusBadge(status: string): string {
  const tone = statusTones[status] ?? { fg: "#374151", bg: "#e5e7eb" };
  return `<span class="badge" style="color:${tone.fg};background:${tone.bg}">${escapeHtml(status)}</span>`;
}

const css = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2937;background:#f3f4f6}
header{background:#0f172a;color:#f8fafc;padding:18px 24px}
header h1{margin:0;font-size:20px;font-weight:600}
header p{margin:4px 0 0;color:#cbd5e1;font-size:13px}
header a{color:#93c5fd}
main{padding:24px}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
header code{color:#e2e8f0}
.notice{margin:0 0 16px;padding:10px 14px;border-radius:8px;background:#fef9c3;border:1px solid #fde047}
.card{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.08);overflow-x:auto}
table{width:100%;border-collapse:collapse}
caption{text-align:left;padding:14px 16px;font-weight:600;color:#374151}
table{font-size:14px}
th,td{padding:10px;text-align:left;vertical-align:middle;border-top:1px solid #e5e7eb}
th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#6b7280;background:#f9fafb;white-space:nowrap}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.title{font-weight:500;min-width:150px}
tbody th{font-size:14px;text-transform:none;letter-spacing:0;color:inherit;background:none;white-space:normal}
td.uuid{min-width:160px}
.small{font-size:12px}
.cb-delivered{color:#166534}
.cb-failed{color:#b91c1c}
.cb-pending{color:#a16207}
.cb-dropped{color:#6b21a8}
.muted{color:#6b7280}
.nowrap{white-space:nowrap}
.badge{display:inline-block;padding:2px 8px;border-radius:999px;font-size:12px;font-weight:600}
.actions{display:flex;gap:6px}
.actions form{margin:0}
button{font:inherit;font-size:13px;padding:4px 10px;border-radius:6px;border:1px solid #d1d5db;background:#fff;color:#1f2937;cursor:pointer}
button:hover{background:#f3f4f6}
button.primary{background:#16a34a;border-color:#16a34a;color:#fff}
button.primary:hover{background:#15803d}
button.danger{color:#b91c1c;border-color:#fca5a5}
.empty{padding:32px 16px;text-align:center;color:#6b7280}
.checkout{max-width:420px;margin:48px auto;background:#fff;border-radius:12px;padding:28px;box-shadow:0 1px 3px rgba(0,0,0,.1)}
.checkout h1{margin:4px 0 8px;font-size:22px}
.checkout .amount{font-size:30px;font-weight:700;margin:12px 0}
.checkout button{width:100%;padding:10px;font-size:16px}
.checkout .qr{display:block;margin:8px auto}
.checkout .payload{display:block;word-break:break-all;margin-top:6px}
.eyebrow{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:#6b7280}
`;

/** The page shell shared by the simulator and the hosted checkout page. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A POST form with one button: the no-JavaScript way to trigger an action. */
export function actionButton(action: string, label: string, className = ""): string {
  const cls = className ? ` class="${className}"` : "";
  return `<form method="post" action="${escapeHtml(action)}"><button type="submit"${cls}>${escapeHtml(label)}</button></form>`;
}

export function notice(message: string | null): string {
  return message ? `<p class="notice" role="status">${escapeHtml(message)}</p>` : "";
}
