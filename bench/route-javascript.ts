/**
 * The browser's share of JavaScript per finance route (issues 8 and 15): gzipped, at
 * first paint and once the page is idle, read from a built app (`next build`).
 */
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import messages from "../messages/id.json" with { type: "json" };

/** The most gzipped JavaScript a finance route may load at first paint (issue 15). */
export const routeBudgetKB = 150;

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
    // BENCH_JS_FILES=1: each file of the first paint with its size, to see what to cut.
    if (process.env.BENCH_JS_FILES === "1")
      console.log(first.map((f) => `${f} ${kilobytes([f])}`).join("\n"), "\n");
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
