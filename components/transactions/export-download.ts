"use client";

export type ExportProgress = { rows: number; total: number; bytes: number };

export type ExportOutcome =
  { ok: true; name: string; count: number } | { ok: false; status: number };

function fileNameOf(disposition: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? "");
  return match?.[1] ?? fallback;
}

/**
 * Fetches an export and reads it as a stream, reporting rows (CSV: lines counted
 * against the X-Export-Rows header) or bytes (Excel is compressed), then saves it under
 * the name the server gave. Loaded only when someone exports.
 */
export async function downloadExport(
  kind: "csv" | "xlsx",
  query: string,
  expected: number,
  onProgress: (progress: ExportProgress) => void,
  signal: AbortSignal,
): Promise<ExportOutcome> {
  const response = await fetch(`/api/transactions/export/${kind}${query ? `?${query}` : ""}`, {
    signal,
  });
  if (!response.ok || !response.body) return { ok: false, status: response.status };
  const total = Number(response.headers.get("X-Export-Rows") ?? expected);
  const name = fileNameOf(response.headers.get("Content-Disposition"), `transactions.${kind}`);
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  let lines = 0;
  let last = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value as Uint8Array<ArrayBuffer>);
    bytes += value.length;
    if (kind === "csv") for (const byte of value) if (byte === 10) lines++;
    const now = performance.now();
    if (now - last > 100) {
      last = now;
      onProgress({ rows: Math.max(0, lines - 1), total, bytes });
    }
  }
  const blob = new Blob(chunks, { type: response.headers.get("Content-Type") ?? "" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true, name, count: total };
}
