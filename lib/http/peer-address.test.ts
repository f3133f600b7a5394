import { afterEach, describe, expect, it, vi } from "vitest";
import { headersFrom } from "@/testing/accounts";
import {
  clientAddress,
  peerHeader,
  peerStamp,
  trustedProxies,
  warnOnceIfForwardedUntrusted,
} from "./peer-address";
import { noTrustedProxies, parseTrustedProxies } from "./trusted-proxies";

const proxies = parseTrustedProxies("10.0.0.0/8, fd00::/8");

describe("client address", () => {
  it("with no trusted proxy: the socket, whatever X-Forwarded-For and X-Real-IP say", () => {
    const headers = headersFrom("10.9.8.7", {
      "x-forwarded-for": "203.0.113.1, 198.51.100.2",
      "x-real-ip": "203.0.113.9",
    });
    expect(clientAddress(headers, noTrustedProxies)).toBe("10.9.8.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.1" }), proxies)).toBeNull();
    // A stamp written by the client (without this process's token) is ignored too.
    expect(clientAddress(new Headers({ [peerHeader]: "guess 10.0.0.5" }), proxies)).toBeNull();
    expect(clientAddress(headersFrom("::ffff:10.0.0.3"), noTrustedProxies)).toBe("10.0.0.3");
    expect(peerStamp("1.2.3.4")).not.toContain("guess");
  });

  it("a client reaching the app directly cannot choose its address", () => {
    const direct = headersFrom("198.51.100.77", { "x-forwarded-for": "10.0.0.9, 203.0.113.5" });
    expect(clientAddress(direct, proxies)).toBe("198.51.100.77");
  });

  it("from a trusted proxy: the first untrusted entry from the right; spoofed left entries never count", () => {
    const oneProxy = headersFrom("10.0.0.1", { "x-forwarded-for": "6.6.6.6, 203.0.113.7" });
    expect(clientAddress(oneProxy, proxies)).toBe("203.0.113.7");
    // Two proxies (a load balancer at 10.0.0.2, then nginx at 10.0.0.1).
    const twoProxies = headersFrom("10.0.0.1", {
      "x-forwarded-for": "1.1.1.1, 6.6.6.6, 203.0.113.8, 10.0.0.2",
    });
    expect(clientAddress(twoProxies, proxies)).toBe("203.0.113.8");
    // The client pretends to be a trusted proxy as well: still the address the proxy saw.
    const pretending = headersFrom("10.0.0.1", { "x-forwarded-for": "10.0.0.7, 203.0.113.9" });
    expect(clientAddress(pretending, proxies)).toBe("203.0.113.9");
  });

  it("IPv6 and mapped addresses, ports and brackets", () => {
    const v6 = headersFrom("fd00::1", { "x-forwarded-for": "2001:db8::5, fd00::2" });
    expect(clientAddress(v6, proxies)).toBe("2001:db8::5");
    const mapped = headersFrom("::ffff:10.0.0.1", { "x-forwarded-for": "::ffff:203.0.113.4" });
    expect(clientAddress(mapped, proxies)).toBe("203.0.113.4");
    const ported = headersFrom("10.0.0.1", { "x-forwarded-for": "[2001:db8::6]:443" });
    expect(clientAddress(ported, proxies)).toBe("2001:db8::6");
    const v4Port = headersFrom("10.0.0.1", { "x-forwarded-for": "203.0.113.3:5123" });
    expect(clientAddress(v4Port, proxies)).toBe("203.0.113.3");
  });

  it("all entries trusted, none, or garbage: the last address reached stands", () => {
    expect(clientAddress(headersFrom("10.0.0.1"), proxies)).toBe("10.0.0.1");
    const internal = headersFrom("10.0.0.1", { "x-forwarded-for": "10.0.0.8, 10.0.0.2" });
    expect(clientAddress(internal, proxies)).toBe("10.0.0.8");
    const garbage = headersFrom("10.0.0.1", {
      "x-forwarded-for": "203.0.113.1, unknown, 10.0.0.2",
    });
    expect(clientAddress(garbage, proxies)).toBe("10.0.0.2");
  });

  it("reads TRUSTED_PROXIES from the environment; a bad value trusts nobody", () => {
    expect(trustedProxies({ TRUSTED_PROXIES: "10.0.0.0/8" }).has("10.1.1.1")).toBe(true);
    expect(trustedProxies({ TRUSTED_PROXIES: "10.0.0.0/99" })).toBe(noTrustedProxies);
    expect(trustedProxies({})).toBe(noTrustedProxies);
  });
});

describe("forwarded headers from an untrusted peer", () => {
  afterEach(() => vi.restoreAllMocks());

  it("are said once per process, naming the peer and the variable; trusted peers are quiet", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(
      warnOnceIfForwardedUntrusted({ "x-forwarded-for": "1.2.3.4" }, "10.0.0.1", proxies),
    ).toBe(false);
    expect(warnOnceIfForwardedUntrusted({ host: "app.test" }, "198.51.100.1", proxies)).toBe(false);
    expect(warn).not.toHaveBeenCalled();
    const spoof = { "x-forwarded-for": "10.0.0.9", "x-forwarded-proto": "https" };
    expect(warnOnceIfForwardedUntrusted(spoof, "198.51.100.1", proxies)).toBe(true);
    expect(warnOnceIfForwardedUntrusted(spoof, "198.51.100.2", proxies)).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    const line = String(warn.mock.calls[0]?.[0]);
    expect(line).toContain("198.51.100.1");
    expect(line).toContain("TRUSTED_PROXIES");
    expect(line).not.toContain("10.0.0.9"); // what the client wrote is not echoed into logs
  });
});
