import { describe, expect, it } from "vitest";
import { gatewayAddressRefusal, parseExtraOrigins, purwantaraHost } from "./gateway-address";

describe("gatewayAddressRefusal", () => {
  it("takes only Purwantara's own host over https for sandbox and production", () => {
    expect(purwantaraHost("sandbox")).toBe("sandbox-api.purwantara.id");
    expect(purwantaraHost("production")).toBe("api.purwantara.id");
    expect(
      gatewayAddressRefusal("sandbox", "https://sandbox-api.purwantara.id/v1/", []),
    ).toBeNull();
    expect(gatewayAddressRefusal("production", "https://API.purwantara.id:443/v1", [])).toBeNull();
    for (const address of [
      "http://api.purwantara.id/v1/",
      "https://api.purwantara.id:8443/v1/",
      "https://api.purwantara.id.evil.test/v1/",
      "https://sandbox-api.purwantara.id/v1/",
      "http://127.0.0.1:4010/v1/",
      "http://169.254.169.254/latest/meta-data/",
      "https://10.0.0.5/",
    ]) {
      expect(gatewayAddressRefusal("production", address, []), address).toBe("notPurwantara");
    }
    expect(gatewayAddressRefusal("sandbox", "https://api.purwantara.id/v1/", [])).toBe(
      "notPurwantara",
    );
  });

  it("refuses what is not an http(s) address, or carries a user name", () => {
    for (const address of [
      "not a url",
      "ftp://api.purwantara.id/",
      "https://u:p@api.purwantara.id/",
    ])
      expect(gatewayAddressRefusal("production", address, []), address).toBe("invalid");
  });

  it("lets local mode use any http host, and the operator's extra origins serve the others", () => {
    expect(gatewayAddressRefusal("local", "http://192.168.1.20:4010/v1/", [])).toBeNull();
    const extra = ["http://127.0.0.1:4010"];
    expect(gatewayAddressRefusal("sandbox", "http://127.0.0.1:4010/v1/", extra)).toBeNull();
    expect(gatewayAddressRefusal("sandbox", "http://127.0.0.1:4011/v1/", extra)).toBe(
      "notPurwantara",
    );
  });
});

describe("parseExtraOrigins", () => {
  it("reads comma-separated origins and names the first entry that is not one", () => {
    expect(parseExtraOrigins(undefined)).toEqual({ ok: true, origins: [] });
    expect(parseExtraOrigins(" http://127.0.0.1:4010 , https://Emu.test ")).toEqual({
      ok: true,
      origins: ["http://127.0.0.1:4010", "https://emu.test"],
    });
    expect(parseExtraOrigins("http://127.0.0.1:4010/v1/")).toEqual({
      ok: false,
      entry: "http://127.0.0.1:4010/v1/",
    });
    expect(parseExtraOrigins("127.0.0.1:4010")).toMatchObject({ ok: false });
  });
});
