import { describe, expect, it } from "vitest";
import { noTrustedProxies, parseTrustedProxies, TrustedProxiesError } from "./trusted-proxies";

describe("TRUSTED_PROXIES networks", () => {
  it("IPv4: an address is inside its CIDR and nowhere else", () => {
    const proxies = parseTrustedProxies("10.0.0.0/8, 192.168.1.0/24");
    expect(proxies.networks).toEqual(["10.0.0.0/8", "192.168.1.0/24"]);
    expect(proxies.has("10.200.3.4")).toBe(true);
    expect(proxies.has("192.168.1.254")).toBe(true);
    expect(proxies.has("192.168.2.1")).toBe(false);
    expect(proxies.has("11.0.0.1")).toBe(false);
    expect(proxies.has("not-an-address")).toBe(false);
    expect(proxies.has("")).toBe(false);
  });

  it("IPv6: prefixes, compressed forms and zones", () => {
    const proxies = parseTrustedProxies("2001:db8:1::/48,fe80::/10");
    expect(proxies.has("2001:db8:1:ffff::9")).toBe(true);
    expect(proxies.has("2001:0db8:0001:0000:0000:0000:0000:0001")).toBe(true);
    expect(proxies.has("2001:db8:2::1")).toBe(false);
    expect(proxies.has("fe80::1%eth0")).toBe(true);
    expect(proxies.has("::1")).toBe(false);
  });

  it("IPv4-mapped IPv6 addresses match IPv4 networks, and the other way round", () => {
    const v4 = parseTrustedProxies("127.0.0.1");
    expect(v4.networks).toEqual(["127.0.0.1/32"]);
    expect(v4.has("::ffff:127.0.0.1")).toBe(true);
    expect(v4.has("::ffff:7f00:1")).toBe(true);
    expect(v4.has("::ffff:127.0.0.2")).toBe(false);
    const mapped = parseTrustedProxies("::ffff:10.0.0.0/104");
    expect(mapped.has("10.1.2.3")).toBe(true);
    expect(mapped.has("11.1.2.3")).toBe(false);
  });

  it("a bare address is a network of one", () => {
    const proxies = parseTrustedProxies(" 203.0.113.7 , 2001:db8::7 ");
    expect(proxies.networks).toEqual(["203.0.113.7/32", "2001:db8::7/128"]);
    expect(proxies.has("203.0.113.7")).toBe(true);
    expect(proxies.has("203.0.113.8")).toBe(false);
    expect(proxies.has("2001:db8::8")).toBe(false);
  });

  it("nothing set trusts nobody", () => {
    expect(parseTrustedProxies(undefined)).toBe(noTrustedProxies);
    expect(parseTrustedProxies(" , ")).toBe(noTrustedProxies);
    expect(noTrustedProxies.has("127.0.0.1")).toBe(false);
  });

  it("refuses what is not a network, naming it, and refuses /0 (everyone)", () => {
    for (const bad of [
      "10.0.0/8",
      "10.0.0.0/33",
      "fd00::/129",
      "proxy.local",
      "10.0.0.0/8/1",
      "1.2.3.4/x",
    ]) {
      expect(() => parseTrustedProxies(`127.0.0.1,${bad}`)).toThrow(TrustedProxiesError);
      expect(() => parseTrustedProxies(bad)).toThrow(bad);
    }
    expect(() => parseTrustedProxies("0.0.0.0/0")).toThrow(/prefix must be 1 to 32/);
    expect(() => parseTrustedProxies("::/0")).toThrow(/prefix must be 1 to 128/);
  });
});
