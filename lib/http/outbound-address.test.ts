import { describe, expect, it } from "vitest";
import { isPrivateHost, isPublicAddress, outboundUrl, publicOnlyLookup } from "./outbound-address";

describe("the outbound address guard", () => {
  it("takes only http(s) URLs without credentials", () => {
    expect(outboundUrl("https://erp.example.com/hook")?.host).toBe("erp.example.com");
    expect(outboundUrl("http://127.0.0.1:4010/v1/")?.port).toBe("4010");
    for (const value of ["not a url", "ftp://a.example.com/", "https://u:p@a.example.com/"])
      expect(outboundUrl(value), value).toBeNull();
  });

  it("calls only public unicast addresses public, IPv4-mapped IPv6 read as IPv4", () => {
    expect(isPublicAddress("8.8.8.8")).toBe(true);
    expect(isPublicAddress("2001:4860:4860::8888")).toBe(true);
    for (const address of ["100.64.0.1", "10.0.0.1", "169.254.169.254", "::1", "::ffff:127.0.0.1"])
      expect(isPublicAddress(address), address).toBe(false);
    expect(isPublicAddress("erp.example.com")).toBe(false);
  });

  it("sees private literals and local names as private hosts, public names and addresses not", () => {
    for (const host of ["127.0.0.1", "[::1]", "localhost", "erp.internal", "printer.local"])
      expect(isPrivateHost(host), host).toBe(true);
    for (const host of ["erp.example.com", "8.8.4.4", "[2001:4860:4860::8888]"])
      expect(isPrivateHost(host), host).toBe(false);
  });

  it("refuses to resolve a name to a loopback address", async () => {
    const error = await new Promise<Error | null>((resolve) =>
      publicOnlyLookup("localhost", {}, (e) => resolve(e)),
    );
    expect(error?.name).toBe("PrivateAddressError");
  });
});
