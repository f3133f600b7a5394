import { describe, expect, it } from "vitest";
import { peerHeader, peerStamp } from "./peer-address";
// Next.js's own matcher for `has` conditions in next.config.ts headers (an internal module).
import { matchHas } from "next/dist/shared/lib/router/utils/prepare-destination";
import {
  apiStrictTransportRule,
  contentSecurityPolicy,
  newNonce,
  pageSecurityHeaders,
} from "./security-headers";
import { noTrustedProxies, parseTrustedProxies } from "./trusted-proxies";

describe("security headers", () => {
  it("a CSP with the nonce: scripts only from self and the nonce, no framing, no plugins", () => {
    const nonce = newNonce();
    expect(newNonce()).not.toBe(nonce);
    const csp = contentSecurityPolicy(nonce, false);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(contentSecurityPolicy(nonce, true)).toContain("'unsafe-eval'");
  });

  it("HSTS only over HTTPS; X-Forwarded-Proto believed only from a trusted proxy", () => {
    const proxies = parseTrustedProxies("10.0.0.0/8");
    const fromProxy = new Headers({
      "x-forwarded-proto": "https",
      [peerHeader]: peerStamp("10.0.0.2"),
    });
    const direct = new Headers({
      "x-forwarded-proto": "https",
      [peerHeader]: peerStamp("1.2.3.4"),
    });
    expect(pageSecurityHeaders(direct, "http://app.test/", proxies)).not.toHaveProperty(
      "Strict-Transport-Security",
    );
    expect(pageSecurityHeaders(fromProxy, "http://app.test/", noTrustedProxies)).not.toHaveProperty(
      "Strict-Transport-Security",
    );
    expect(pageSecurityHeaders(fromProxy, "http://app.test/", proxies)).toHaveProperty(
      "Strict-Transport-Security",
    );
    // Next.js makes the URL https from a client's own X-Forwarded-Proto: not believed.
    expect(pageSecurityHeaders(direct, "https://app.test/", proxies)).not.toHaveProperty(
      "Strict-Transport-Security",
    );
    const tls = new Headers({ [peerHeader]: peerStamp("1.2.3.4", true) });
    expect(pageSecurityHeaders(tls, "http://app.test/", noTrustedProxies)).toHaveProperty(
      "Strict-Transport-Security",
    );
    expect(pageSecurityHeaders(new Headers(), "https://app.test/", noTrustedProxies)).toMatchObject(
      {
        "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
      },
    );
    expect(
      pageSecurityHeaders(new Headers(), "http://app.test/", noTrustedProxies)[
        "Permissions-Policy"
      ],
    ).toContain("camera=()");
  });

  it("HSTS on /api answers whenever a proxy says HTTPS, by Next.js's own header matching", () => {
    const matches = (proto: string | undefined) =>
      Boolean(
        matchHas(
          { headers: proto === undefined ? {} : { "x-forwarded-proto": proto } } as never,
          {},
          apiStrictTransportRule.has,
        ),
      );
    expect(matches("https")).toBe(true);
    expect(matches("http, https")).toBe(true);
    expect(matches("https,http")).toBe(true);
    expect(matches("http")).toBe(false);
    expect(matches("httpsx")).toBe(false);
    expect(matches(undefined)).toBe(false);
    expect(apiStrictTransportRule.source).toBe("/api/:path*");
    expect(apiStrictTransportRule.headers).toEqual([
      { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
    ]);
  });
});
