import { describe, expect, it } from "vitest";
import { describeDevice, readableAddress, storableUserAgent } from "./user-agent";

const agents = {
  iphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  android:
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36",
  ipad: "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
  windows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70",
  linux: "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
};

describe("a session's device", () => {
  it("tells phones, tablets and computers apart, with browser and system", () => {
    expect(describeDevice(agents.iphone)).toMatchObject({
      kind: "phone",
      browser: "Safari 17",
      os: "iOS 17.5",
    });
    expect(describeDevice(agents.android)).toMatchObject({
      kind: "phone",
      browser: "Chrome 131",
      os: "Android 14",
    });
    expect(describeDevice(agents.ipad)).toMatchObject({ kind: "tablet", os: "iOS 16.6" });
    expect(describeDevice(agents.windows)).toMatchObject({
      kind: "desktop",
      browser: "Edge 131",
      os: "Windows 10",
    });
    expect(describeDevice(agents.linux)).toMatchObject({
      kind: "desktop",
      browser: "Firefox 133",
      os: "Linux",
    });
  });

  it("shows a summary stored before the whole header was kept as it is", () => {
    expect(describeDevice("Chrome · Linux")).toEqual({
      kind: null,
      browser: null,
      os: null,
      other: "Chrome · Linux",
    });
    expect(describeDevice(null)).toBeNull();
  });

  it("stores the header printable and bounded", () => {
    expect(storableUserAgent(`  ${"x".repeat(600)}\u0000`)).toHaveLength(512);
    expect(storableUserAgent("")).toBeNull();
  });
});

describe("a session's address", () => {
  it("reads loopback as this computer and unwraps IPv4 in IPv6", () => {
    expect(readableAddress("::1")).toEqual({ local: true, address: "::1" });
    expect(readableAddress("::ffff:127.0.0.1")).toEqual({ local: true, address: "127.0.0.1" });
    expect(readableAddress("::ffff:203.0.113.9")).toEqual({
      local: false,
      address: "203.0.113.9",
    });
    expect(readableAddress("2001:db8::5")).toEqual({ local: false, address: "2001:db8::5" });
    expect(readableAddress(null)).toBeNull();
  });
});
