import { describe, expect, it } from "vitest";
import { paymentMethodKey, paymentMethodKeys, paymentMethodSpellings } from "./payment-methods";

describe("payment method keys", () => {
  it("folds case, punctuation and the known aliases", () => {
    expect(paymentMethodKey("qris_doku")).toBe("QRIS");
    expect(paymentMethodKey("QRIS")).toBe("QRIS");
    expect(paymentMethodKey("shopee_pay")).toBe("SHOPEEPAY");
    expect(paymentMethodKey("wallet_dana")).toBe("DANA");
    expect(paymentMethodKey("Mandiri")).toBe("MANDIRI");
  });

  it("a row counts once per distinct key", () => {
    expect(paymentMethodKeys({ bank: null, paymentChannel: "qris_doku" })).toEqual(["QRIS"]);
    expect(paymentMethodKeys({ bank: "BCA", paymentChannel: "bca" })).toEqual(["BCA"]);
    expect(paymentMethodKeys({ bank: "BCA", paymentChannel: "QRIS" })).toEqual(["BCA", "QRIS"]);
    expect(paymentMethodKeys({ bank: "", paymentChannel: "--" })).toEqual([]);
  });

  it("a key's spellings are every bare name that folds to it", () => {
    expect(paymentMethodSpellings("qris").sort()).toEqual(
      ["QRIS", "QRISDANA", "QRISDOKU", "QRISSHOPEEPAY"].sort(),
    );
    expect(paymentMethodSpellings("bca")).toEqual(["BCA"]);
    for (const key of ["QRIS", "DANA", "BCA"])
      for (const s of paymentMethodSpellings(key)) expect(paymentMethodKey(s)).toBe(key);
  });
});
