/**
 * The export part of the finance bench (issue 8): every row through the app as CSV and
 * XLSX, rows per second and the app process tree's peak memory.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

/** `pid` and its descendants (`next start` may run the server in a child). */
function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // gone
    }
  }
  const tree: number[] = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    tree.push(p);
    stack.push(...(children.get(p) ?? []));
  }
  return tree;
}

/** The sum over the tree of one /proc/<pid>/status field (kB), in bytes. */
function treeStatus(pid: number, field: "VmRSS" | "VmHWM"): number {
  let total = 0;
  for (const p of processTree(pid)) {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      total += Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // gone
    }
  }
  return total;
}

/**
 * Resets the kernel's peak-RSS mark (VmHWM) of the tree, so the next read is the peak
 * since now, missed by no sampling interval. False where /proc does not allow it.
 */
function resetPeakRss(pid: number): boolean {
  let all = true;
  for (const p of processTree(pid)) {
    try {
      writeFileSync(`/proc/${p}/clear_refs`, "5");
    } catch {
      all = false;
    }
  }
  return all;
}

/**
 * Every row exported through the app (CSV and XLSX): rows/s and the app's peak memory
 * (the kernel's VmHWM since the export began, where it can be reset, else sampled
 * every 100 ms). `query` is the list filter the export carries.
 */
export async function exportFigures(
  base: string,
  cookie: string,
  appPid: number,
  query = "include=not_created",
  formats: readonly ("csv" | "xlsx")[] = ["csv", "xlsx"],
) {
  const out: Record<string, unknown> = {};
  for (const format of formats) {
    const before = treeStatus(appPid, "VmRSS");
    const exact = resetPeakRss(appPid);
    let sampled = before;
    const sampler = setInterval(() => {
      sampled = Math.max(sampled, treeStatus(appPid, "VmRSS"));
    }, 100);
    const t0 = performance.now();
    const response = await fetch(`${base}/api/transactions/export/${format}?${query}`, {
      headers: { cookie },
    });
    const rows = Number(response.headers.get("x-export-rows"));
    const hash = createHash("sha256");
    let bytes = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const peak = exact
      ? treeStatus(appPid, "VmHWM")
      : Math.max(sampled, treeStatus(appPid, "VmRSS"));
    out[format] = {
      status: response.status,
      rows,
      megabytes: (bytes / 1e6).toFixed(1),
      seconds: seconds.toFixed(1),
      rowsPerSecond: Math.round(rows / seconds),
      appRssBeforeMB: Math.round(before / 1e6),
      appPeakRssMB: Math.round(peak / 1e6),
      // What the export itself added on top of the running app.
      appPeakOverBeforeMB: Math.round((peak - before) / 1e6),
      appRssAfterMB: Math.round(treeStatus(appPid, "VmRSS") / 1e6),
      peakFrom: exact ? "VmHWM" : "sampled",
    };
  }
  return out;
}
