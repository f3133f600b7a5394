import { describe, expect, it } from "vitest";
import { peerHeader, peerStamp } from "./peer-address";
import { contentSecurityPolicy, newNonce, pageSecurityHeaders } from "./security-headers";

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

  it("HSTS only over HTTPS, judged by the trusted hops", () => {
    const spoofed = new Headers({
      "x-forwarded-proto": "https",
      [peerHeader]: peerStamp("1.2.3.4"),
    });
    expect(pageSecurityHeaders(spoofed, "http://app.test/", 0)).not.toHaveProperty(
      "Strict-Transport-Security",
    );
    expect(pageSecurityHeaders(spoofed, "http://app.test/", 1)).toHaveProperty(
      "Strict-Transport-Security",
    );
    expect(pageSecurityHeaders(new Headers(), "https://app.test/", 0)).toMatchObject({
      "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
    });
    expect(
      pageSecurityHeaders(new Headers(), "http://app.test/", 0)["Permissions-Policy"],
    ).toContain("camera=()");
  });
});
