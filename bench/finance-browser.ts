/**
 * The browser side of the finance bench (issue 8): a signed-in finance session in
 * Chromium, the cost of a live poll, and the time from a callback to the row in an
 * open table.
 */
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import type pg from "pg";
import { localCallbackSecret } from "@purwantara/contract";
import { signCallbackBody } from "@purwantara/contract/signature";
import messages from "../messages/id.json" with { type: "json" };
import { percentile } from "./stats";

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
