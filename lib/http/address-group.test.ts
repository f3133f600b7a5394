import { describe, expect, it } from "vitest";
import { addressGroup } from "./address-group";

describe("addressGroup", () => {
  it("keeps IPv4 addresses and anything that is not an IPv6 address", () => {
    expect(addressGroup("203.0.113.7")).toBe("203.0.113.7");
    expect(addressGroup("unknown")).toBe("unknown");
  });

  it.each([
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:0DB8:0001:0002:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["2001:db8:1::", "2001:db8:1:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["::", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["64:ff9b::192.0.2.33", "64:ff9b:0:0::/64"],
  ])("groups %s as %s", (address, group) => {
    expect(addressGroup(address)).toBe(group);
  });

  it("puts two addresses of one /64 together and of two /64s apart", () => {
    expect(addressGroup("2001:db8:5:6::a")).toBe(addressGroup("2001:db8:5:6:ffff::b"));
    expect(addressGroup("2001:db8:5:6::a")).not.toBe(addressGroup("2001:db8:5:7::a"));
  });
});
