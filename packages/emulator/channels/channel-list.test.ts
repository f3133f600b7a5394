import { describe, expect, it } from "vitest";
import { authHeader, withEmulator } from "@purwantara/emulator/testing";

const { url } = withEmulator();

describe("GET /v1/channel", () => {
  it("lists every bank and channel a request may name, with its product", async () => {
    const res = await fetch(url("/v1/channel"), { headers: authHeader });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: number; success: boolean; data: unknown[] };
    expect(body).toMatchObject({ status: 200, success: true });
    const banks = ["CIMB", "PERMATA", "MANDIRI", "BSI", "BCA", "BNI", "BRI", "DANAMON"];
    expect(body.data).toEqual([
      ...banks.map((code) => ({ code, name: expect.any(String), type: "virtual-account" })),
      { code: "qris_doku", name: "QRIS via DOKU", type: "qris" },
      { code: "shopeepay", name: "QRIS via ShopeePay", type: "qris" },
      { code: "qrisdana", name: "QRIS via DANA", type: "qris" },
      { code: "OVO", name: "OVO", type: "ewallet" },
      { code: "shopee_pay", name: "ShopeePay", type: "ewallet" },
      { code: "wallet_dana", name: "DANA", type: "ewallet" },
      { code: "Alfamart", name: "Alfamart", type: "counter" },
    ]);
    expect((await fetch(url("/v1/channel"))).status).toBe(401);
  });
});
