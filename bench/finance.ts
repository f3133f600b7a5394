/**
 * The finance part of `npm run bench` (issue 8): the list's queries at scale, the cost
 * of a live poll, the time from a callback to the row in an open table, the export of
 * every row, and the browser's share of JavaScript per finance route.
 */
import { createHash, randomUUID } from "node:crypto";
import { readFileSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import bcrypt from "bcryptjs";
import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import pg from "pg";
import {
  listPageQuery,
  offsetPageQuery,
  type ResolvedFilter,
} from "../db/queries/transaction-list";
import { totalsQuery } from "../db/queries/transaction-totals";

/** The same totals from the rows, whatever summary table would answer them. */
function rowTotalsQuery(r: ResolvedFilter): SQL {
  return totalsQuery(r, {}, "rows");
}
import { parseTransactionFilter, resolveDateRange } from "../lib/payments/transaction-filter";
import { signCallbackBody } from "../lib/purwantara/signature";
import { localCallbackSecret } from "../lib/purwantara/contract";
import messages from "../messages/id.json" with { type: "json" };

const dialect = new PgDialect();

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * A realistic spread of `count` transactions in one INSERT … SELECT: every channel and
 * status, two years of dates, fees, settlements, banks and wallets, customers, and a
 * few flagged. (`npm run db:seed` replaces this when it lands; the bench stays standalone.)
 */
export async function seedFinanceRows(
  client: pg.Client,
  count: number,
  creators: string[],
): Promise<void> {
  const batch = 200_000;
  for (let start = 1; start <= count; start += batch) {
    const end = Math.min(count, start + batch - 1);
    await client.query(
      `insert into transactions (mode, channel, bank, payment_channel, external_id, purwantara_uuid, title, description,
         amount, fee, total, raw_status, state, customer_name, customer_email, customer_phone, va_number, payment_code,
         created_at, expires_at, paid_at, settled_at, created_by, flags)
       select 'local', c.channel, c.bank, c.payment_channel, 'INV-' || g, gen_random_uuid()::text,
              (array['Kopi susu','Teh manis','Roti bakar','Langganan bulanan','Tiket konser','Kursus online','Sewa alat','Paket data'])[1 + h % 8] || ' #' || g,
              case when h % 5 = 0 then 'Pesanan pelanggan ' || g end,
              s.amount, case when s.paid then s.fee end, case when s.paid then s.amount + s.fee end,
              upper(s.state), s.state::transaction_state,
              n.first || ' ' || n.last, lower(n.first) || g || '@example.co.id', '08' || lpad(((g::bigint * 7919) % 10000000000)::text, 10, '0'),
              case when c.channel = 'virtual-account' then '8' || lpad(g::text, 15, '0') end,
              case when c.channel = 'counter' then 'ALF' || g end,
              s.created, s.created + interval '1 day',
              case when s.paid then s.created + (h % 120 || ' minutes')::interval end,
              case when s.state = 'settled' then s.created + (h % 120 || ' minutes')::interval + interval '1 day' end,
              case when h % 7 = 0 then null else ($3::uuid[])[1 + h % array_length($3::uuid[], 1)] end,
              case when h % 200 = 0 then '{needs_review}'::text[]
                   when h % 300 = 1 then '{amount_mismatch}'::text[]
                   when h % 500 = 2 then '{paid_after_expiry}'::text[]
                   when h % 50 = 3 then '{outside_dashboard}'::text[]
                   else '{}'::text[] end
       from generate_series($1::int, $2::int) g
       cross join lateral (select abs(hashint4(g)) as h) hh
       cross join lateral (select
            (array['virtual-account','qris','ewallet-ovo','ewallet-shopeepay','payment-link','counter'])[1 + abs(hashint4(g + 7)) % 6]::transaction_channel as channel) c0
       cross join lateral (select c0.channel,
            case when c0.channel = 'virtual-account' then (array['BCA','BNI','BRI','MANDIRI','PERMATA','CIMB','BSI','DANAMON'])[1 + h % 8] end as bank,
            case when c0.channel = 'qris' then (array['DANA','OVO','SHOPEEPAY','GOPAY'])[1 + h % 4]
                 when c0.channel = 'counter' then 'ALFAMART' end as payment_channel) c
       cross join lateral (select
            (array['Budi','Siti','Agus','Dewi','Rina','Joko','Putri','Andi','Wati','Hendra'])[1 + abs(hashint4(g + 11)) % 10] as first,
            (array['Santoso','Rahma','Wijaya','Lestari','Kusuma','Pratama','Saputra','Hidayat','Nugroho','Sari'])[1 + abs(hashint4(g + 13)) % 10] as last) n
       cross join lateral (select st.state, st.state in ('paid', 'settled') as paid,
            10000 + (abs(hashint4(g + 17)) % 2000) * 500 as amount, 1500 + (h % 4) * 1000 as fee,
            now() - (g::float8 * 730 / $4 || ' days')::interval - (h % 3600 || ' seconds')::interval as created
          from (select case when abs(hashint4(g + 19)) % 100 < 30 then 'settled'
                            when abs(hashint4(g + 19)) % 100 < 50 then 'paid'
                            when abs(hashint4(g + 19)) % 100 < 65 then 'active'
                            when abs(hashint4(g + 19)) % 100 < 80 then 'expired'
                            when abs(hashint4(g + 19)) % 100 < 87 then 'cancelled'
                            when abs(hashint4(g + 19)) % 100 < 92 then 'failed'
                            when abs(hashint4(g + 19)) % 100 < 96 then 'failed_to_create'
                            when abs(hashint4(g + 19)) % 100 < 99 then 'unconfirmed'
                            else 'creating' end as state) st) s`,
      [start, end, creators, count],
    );
  }
  await client.query("vacuum analyze transactions");
}

type Timed = { p50: string; p95: string; rows: number };

async function timeQuery(client: pg.Client, query: SQL, runs: number): Promise<Timed> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const times: number[] = [];
  let rows = 0;
  await client.query(text, params); // warm the cache and the plan
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    rows = (await client.query(text, params)).rowCount ?? 0;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50).toFixed(1), p95: percentile(times, 95).toFixed(1), rows };
}

/** A filter as the app resolves it; a search runs as the app decides (ids exact, else words). */
function resolved(query: string, searchMode?: "exact" | "words"): ResolvedFilter {
  const { filter } = parseTransactionFilter(new URLSearchParams(query));
  const { start, end } = resolveDateRange(filter, "Asia/Jakarta");
  return {
    filter,
    mode: "local",
    start,
    end,
    searchMode: filter.q ? (searchMode ?? "words") : undefined,
  };
}

/** The list's page query exactly as the app sends it (50 rows and one to know if more follow). */
function pageQuery(r: ResolvedFilter, cursor: { key: string; id: string } | null): SQL {
  return listPageQuery(r, { cursor, limit: 51 });
}

export async function queryFigures(client: pg.Client, rows: number) {
  const runs = Number(process.env.BENCH_QUERY_RUNS ?? 30);
  const sample = (
    await client.query<{ external_id: string; purwantara_uuid: string; va_number: string }>(
      "select external_id, purwantara_uuid, va_number from transactions where va_number is not null and state <> 'failed_to_create' order by created_at desc offset 100 limit 1",
    )
  ).rows[0]!;
  const creator = (await client.query<{ id: string }>("select id from users limit 1")).rows[0]!.id;
  const filters: [string, string][] = [
    ["first page, unfiltered", ""],
    ["status=paid,settled", "status=paid,settled"],
    ["channel=qris", "channel=qris"],
    ["bank=BCA", "bank=BCA"],
    ["period=7d", "period=7d"],
    ["on=paid&period=month", "on=paid&period=month"],
    ["min/max amount", "min=500000&max=600000"],
    ["by=<user>", `by=${creator}`],
    ["flag=needs_review", "flag=needs_review"],
    ["sort=paid", "sort=paid"],
    ["sort=amount&dir=asc", "sort=amount&dir=asc"],
    ["combined", "status=paid,settled&channel=virtual-account&bank=BCA&period=30d&min=100000"],
  ];
  const out: Record<string, Timed> = {};
  for (const [name, query] of filters) {
    out[name] = await timeQuery(client, pageQuery(resolved(query), null), runs);
  }
  out["search exact external id"] = await timeQuery(
    client,
    pageQuery(resolved(`q=${sample.external_id}`, "exact"), null),
    runs,
  );
  out["search exact purwantara uuid"] = await timeQuery(
    client,
    pageQuery(resolved(`q=${sample.purwantara_uuid}`, "exact"), null),
    runs,
  );
  out["search exact VA number"] = await timeQuery(
    client,
    pageQuery(resolved(`q=${sample.va_number}`, "exact"), null),
    runs,
  );
  out["search word (title: 'konser')"] = await timeQuery(
    client,
    pageQuery(resolved("q=konser"), null),
    runs,
  );
  out["search word (customer: 'Hendra Hidayat')"] = await timeQuery(
    client,
    pageQuery(resolved("q=Hendra Hidayat"), null),
    runs,
  );
  // Words of the rows `npm run db:seed` makes (the ones above are this file's own seed's).
  out["search word (title: 'seminar')"] = await timeQuery(
    client,
    pageQuery(resolved("q=seminar"), null),
    runs,
  );
  out["search word (surname: 'hidayat')"] = await timeQuery(
    client,
    pageQuery(resolved("q=hidayat"), null),
    runs,
  );
  out["search rare word (email 'wati123')"] = await timeQuery(
    client,
    pageQuery(resolved("q=wati123@"), null),
    runs,
  );
  // 1,000 pages of 50 deep: the cursor of row 50,000, and OFFSET 49,950 as the baseline.
  const deep = Math.min(50_000, Math.floor(rows * 0.9));
  const unfiltered = resolved("");
  const cursorRow = (
    await client.query<{ key: string; id: string }>(
      `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as key, id
       from transactions where mode = 'local' and state <> 'failed_to_create'
       order by created_at desc, id desc offset $1 limit 1`,
      [deep - 1],
    )
  ).rows[0]!;
  out[`page ${deep / 50} deep, cursor`] = await timeQuery(
    client,
    pageQuery(unfiltered, cursorRow),
    runs,
  );
  out[`page ${deep / 50} deep, OFFSET (baseline)`] = await timeQuery(
    client,
    offsetPageQuery(unfiltered, deep, 51),
    Math.max(5, Math.floor(runs / 3)),
  );
  out["totals, unfiltered"] = await timeQuery(client, totalsQuery(unfiltered), runs);
  out["totals, unfiltered, from the rows (baseline)"] = await timeQuery(
    client,
    rowTotalsQuery(unfiltered),
    Math.max(5, Math.floor(runs / 3)),
  );
  out["totals, period=30d"] = await timeQuery(client, totalsQuery(resolved("period=30d")), runs);
  out["totals, status=paid,settled&channel=qris"] = await timeQuery(
    client,
    totalsQuery(resolved("status=paid,settled&channel=qris")),
    runs,
  );
  out["totals, combined"] = await timeQuery(
    client,
    totalsQuery(
      resolved("status=paid,settled&channel=virtual-account&bank=BCA&period=30d&min=100000"),
    ),
    runs,
  );
  out["totals, search word 'konser'"] = await timeQuery(
    client,
    totalsQuery(resolved("q=konser")),
    runs,
  );
  for (const word of ["seminar", "hidayat", "Hendra Hidayat"]) {
    out[`totals, search word '${word}'`] = await timeQuery(
      client,
      totalsQuery(resolved(`q=${word}`)),
      runs,
    );
    out[`totals, search word '${word}', from the rows (baseline)`] = await timeQuery(
      client,
      rowTotalsQuery(resolved(`q=${word}`)),
      Math.max(5, Math.floor(runs / 3)),
    );
  }
  if (process.env.BENCH_PLANS) {
    for (const [name, query] of [
      ["first page", pageQuery(unfiltered, null)],
      ["combined", pageQuery(resolved(filters.at(-1)![1]), null)],
      ["exact id", pageQuery(resolved(`q=${sample.va_number}`, "exact"), null)],
      ["word", pageQuery(resolved("q=Hendra Hidayat"), null)],
      ["deep cursor", pageQuery(unfiltered, cursorRow)],
      ["deep offset", offsetPageQuery(unfiltered, deep, 51)],
      ["totals", totalsQuery(unfiltered)],
      ["totals 30d", totalsQuery(resolved("period=30d"))],
      ["totals word", totalsQuery(resolved("q=seminar"))],
      ["totals word, from the rows", rowTotalsQuery(resolved("q=seminar"))],
    ] as const) {
      const { sql: text, params } = dialect.sqlToQuery(query);
      const plan = await client.query<{ "QUERY PLAN": string }>(
        `explain (analyze, buffers, costs off) ${text}`,
        params,
      );
      console.log(
        `\nEXPLAIN ANALYZE — ${name}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`,
      );
    }
  }
  return out;
}

/** A finance account, signed in through the login page in Chromium. */
export async function browserSession(base: string, client: pg.Client) {
  const { chromium } = await import("@playwright/test");
  const email = `bench-finance-${randomUUID().slice(0, 8)}@example.com`;
  const password = randomUUID();
  await client.query(
    "insert into users (email, name, password_hash, role) values ($1, 'Bench Finance', $2, 'finance')",
    [email, await bcrypt.hash(password, 4)],
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const context = await browser.newContext({ baseURL: base, timezoneId: "Asia/Jakarta" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel(messages.login.email).fill(email);
  await page.getByLabel(messages.login.password).fill(password);
  await page.getByRole("button", { name: messages.login.submit, exact: true }).click();
  await page.waitForURL(/\/transactions|\/overview|\/$/, { timeout: 60_000 });
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  return { browser, page, cookie };
}

async function hammer(
  seconds: number,
  concurrency: number,
  call: () => Promise<number>,
): Promise<{ perSecond: number; statuses: Record<number, number>; p95: string }> {
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        const status = await call();
        latencies.push(performance.now() - t0);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        done++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    perSecond: Math.round(done / ((performance.now() - started) / 1000)),
    statuses: Object.fromEntries(statuses),
    p95: percentile(latencies, 95).toFixed(1),
  };
}

/** 304 polls per second against /api/health per second, in the same run. */
export async function pollFigures(base: string, cookie: string) {
  const concurrency = Number(process.env.BENCH_POLL_CONCURRENCY ?? 8);
  const seconds = Number(process.env.BENCH_POLL_SECONDS ?? 6);
  const url = `${base}/api/transactions?status=paid,settled&channel=qris`;
  const first = await fetch(url, { headers: { cookie } });
  const etag = first.headers.get("etag") ?? "";
  await first.arrayBuffer();
  const get = async (target: string, headers: Record<string, string>) => {
    const response = await fetch(target, { headers });
    await response.arrayBuffer();
    return response.status;
  };
  await hammer(1, concurrency, () => get(`${base}/api/health`, {})); // warm-up
  const health = await hammer(seconds, concurrency, () => get(`${base}/api/health`, {}));
  const polls = await hammer(seconds, concurrency, () =>
    get(url, { cookie, "if-none-match": etag }),
  );
  const full = await hammer(seconds, concurrency, () => get(url, { cookie }));
  return {
    concurrency,
    health,
    poll304: polls,
    fullPage200: full,
    ratio: `${Math.round((polls.perSecond / health.perSecond) * 100)}% of /api/health`,
  };
}

/**
 * Time from a callback's 200 to the row showing in an open, filtered table in
 * Chromium: each callback is for a payment made outside the dashboard (a new row),
 * the page notes in the browser when the row's title appears (MutationObserver,
 * wall clock), and that is compared with the wall clock at the 200.
 */
export async function liveLatency(
  base: string,
  page: import("@playwright/test").Page,
  samples: number,
) {
  const tag = `Live${randomUUID().slice(0, 6)}`;
  await page.goto(`/transactions?q=${tag}`);
  await page.waitForSelector("#transactions-search");
  await page.evaluate(() => {
    const seen: Record<string, number> = {};
    (window as unknown as { __seen: Record<string, number> }).__seen = seen;
    new MutationObserver(() => {
      for (const link of document.querySelectorAll("a[href^='/transactions/']")) {
        const text = link.textContent ?? "";
        if (!seen[text]) seen[text] = Date.now();
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const delays: number[] = [];
  for (let i = 0; i < samples; i++) {
    const title = `${tag} ${i}`;
    const uuid = randomUUID();
    const body = Buffer.from(
      JSON.stringify({
        uuid,
        event: { meta: { customer_phone: null }, type: "payment-link", channel: "QRIS" },
        title,
        amount: "25000.0000",
        status: "PAID",
        paid_at: new Date().toISOString(),
        settle_at: null,
        external_id: null,
        payment_link_url: `https://purwantara.id/share/payment-links/${uuid}`,
      }),
    );
    const response = await fetch(`${base}/api/webhooks/purwantara`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "PPN-WH",
        "X-PPN-Delivery": randomUUID(),
        Signature: signCallbackBody(body, localCallbackSecret),
      },
      body: new Uint8Array(body),
    });
    await response.arrayBuffer();
    const answeredAt = Date.now();
    if (response.status !== 200) throw new Error(`callback answered ${response.status}`);
    const handle = await page.waitForFunction(
      (t) => (window as unknown as { __seen: Record<string, number> }).__seen[t],
      title,
      { timeout: 15_000, polling: 50 },
    );
    delays.push(Number(await handle.jsonValue()) - answeredAt);
    // Spread the callbacks over the poll cycle.
    await new Promise((r) => setTimeout(r, 300 + ((i * 397) % 1500)));
  }
  delays.sort((a, b) => a - b);
  return {
    samples,
    p50: `${percentile(delays, 50)} ms`,
    p95: `${percentile(delays, 95)} ms`,
    max: `${delays.at(-1)} ms`,
  };
}

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

/** The most gzipped JavaScript a finance route may load at first paint (issue 8). */
export const routeBudgetKB = 160;

function buildManifest() {
  return JSON.parse(readFileSync(".next/build-manifest.json", "utf8")) as {
    polyfillFiles?: string[];
    rootMainFiles?: string[];
  };
}

/** A built file's size as `next start` sends it: gzip at zlib's default level. */
function gzippedSize(file: string): number {
  const path = `.next/${file.replace(/^\/_next\//, "")}`;
  if (!existsSync(path)) throw new Error(`${path} is not in the build: run \`next build\` first`);
  return gzipSync(readFileSync(path)).length;
}

/**
 * Every JavaScript file a page makes the browser load before it paints and hydrates,
 * read from the page itself: its <script src> tags (framework, runtime, layouts), its
 * preloads, and the chunks of each client component its server payload names (error
 * boundaries included: the browser loads them all before hydrating). The nomodule
 * polyfills are left out: a browser that runs modules never fetches them.
 */
function firstPaintChunks(html: string): string[] {
  const build = buildManifest();
  const polyfills = new Set((build.polyfillFiles ?? []).map((f) => `/_next/${f}`));
  const files = new Set<string>();
  for (const match of html.matchAll(/\/_next\/static\/chunks\/[\w.-]+\.js/g)) {
    if (!polyfills.has(match[0])) files.add(match[0]);
  }
  return [...files];
}

function kilobytes(files: Iterable<string>): number {
  const bytes = [...files].reduce((sum, f) => sum + gzippedSize(f), 0);
  return +(bytes / 1024).toFixed(1);
}

type RouteFigure = {
  /** What the page waits for: the budget is on this (issue 8). */
  firstPaintKB: number;
  files: number;
  withinBudget?: boolean;
  /** Everything fetched until the network is idle, with no click and no prefetch of other routes. */
  loadedWhenIdleKB: number;
};

/**
 * The gzipped JavaScript of each finance route, signed in as the `page`'s account: at
 * first paint, and once the page is idle (what it loads on its own after painting, like
 * the overview's chart or the list's poll), each in a fresh Chromium context (nothing
 * cached) with the router's prefetches of other routes blocked. The export flow is the
 * list's first paint plus what one CSV export loads.
 */
export async function routeJavaScript(base: string, page: import("@playwright/test").Page) {
  const browser = page.context().browser()!;
  const storageState = await page.context().storageState();
  const visit = async (
    path: string,
    then?: (tab: import("@playwright/test").Page) => Promise<void>,
  ) => {
    const context = await browser.newContext({ baseURL: base, storageState });
    try {
      const tab = await context.newPage();
      // Prefetches (RSC requests) would load other routes' chunks: not this page's.
      await tab.route("**/*", (route) =>
        route.request().headers()["rsc"] ? route.abort() : route.continue(),
      );
      const chunk = (url: string) => {
        const { pathname } = new URL(url);
        return /^\/_next\/static\/chunks\/[\w.-]+\.js$/.test(pathname) ? pathname : null;
      };
      const loaded = new Set<string>();
      const inFlight = new Set<unknown>();
      tab.on("request", (request) => {
        if (chunk(request.url())) inFlight.add(request);
      });
      tab.on("requestfinished", (request) => {
        const file = chunk(request.url());
        if (file) loaded.add(file);
        inFlight.delete(request);
      });
      tab.on("requestfailed", (request) => inFlight.delete(request));
      const response = await tab.goto(path, { waitUntil: "networkidle" });
      if (response?.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
      const html = await response.text();
      // Idle means hydrated, effects run, and every chunk they import in: network silence
      // alone can come before a slow hydration starts the page's own lazy imports.
      for (let seen = -1; seen !== loaded.size;) {
        seen = loaded.size;
        await tab.evaluate(
          () => new Promise((done) => requestIdleCallback(() => done(null), { timeout: 5000 })),
        );
        while (inFlight.size > 0) await new Promise((done) => setTimeout(done, 50));
      }
      const idle = new Set(loaded);
      await then?.(tab);
      return { html, first: firstPaintChunks(html), idle, after: loaded };
    } finally {
      await context.close();
    }
  };
  const figure = (first: string[], idle: Set<string>): RouteFigure => {
    const firstPaintKB = kilobytes(first);
    return {
      firstPaintKB,
      files: first.length,
      withinBudget: firstPaintKB <= routeBudgetKB,
      loadedWhenIdleKB: kilobytes(new Set([...first, ...idle])),
    };
  };

  const out: Record<string, RouteFigure | Pick<RouteFigure, "firstPaintKB" | "files">> = {};
  const list = await visit("/transactions", async (tab) => {
    // The export flow: a filtered CSV export, from click to saved file.
    await tab.goto("/transactions?status=paid,settled&channel=qris&period=30d&min=100000", {
      waitUntil: "networkidle",
    });
    const download = tab.waitForEvent("download", { timeout: 120_000 });
    await tab.getByRole("button", { name: messages.export.csv }).click();
    await download;
  });
  out["/transactions"] = figure(list.first, list.idle);
  const detail = /href="(\/transactions\/[0-9a-f-]{36})"/.exec(list.html)?.[1];
  if (!detail) throw new Error("no transaction on /transactions to open");
  for (const [route, path] of [
    ["/transactions/[id]", detail],
    ["/overview", "/overview"],
    ["/reconciliation", "/reconciliation"],
  ] as const) {
    const visited = await visit(path);
    out[route] = figure(visited.first, visited.idle);
  }
  const exported = [...list.after].filter((f) => !list.idle.has(f));
  out["export flow (/transactions, then CSV)"] = figure(
    [...new Set([...list.first, ...exported])],
    list.after,
  );
  // The share every page carries: React, the Next.js runtime and router.
  const runtime = (buildManifest().rootMainFiles ?? []).map((f) => `/_next/${f}`);
  out["(in each: React + Next.js runtime)"] = {
    firstPaintKB: kilobytes(runtime),
    files: runtime.length,
  };
  return out;
}
