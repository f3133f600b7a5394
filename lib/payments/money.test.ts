import { describe, expect, it } from "vitest";
import { formatRupiah, parseRupiahInput } from "./money";

describe("money", () => {
  it("formats rupiah the Indonesian way, exactly", () => {
    expect(formatRupiah("10000.0000")).toBe("Rp 10.000");
    expect(formatRupiah(1500000n)).toBe("Rp 1.500.000");
    expect(formatRupiah("2500.5000")).toBe("Rp 2.500,5");
    // Beyond float precision: every digit kept.
    expect(formatRupiah("12345678901234567891")).toBe("Rp 12.345.678.901.234.567.891");
  });

  it("reads what people type", () => {
    expect(parseRupiahInput("150000")).toBe(150000n);
    expect(parseRupiahInput("150.000")).toBe(150000n);
    expect(parseRupiahInput("Rp 1.500.000")).toBe(1500000n);
    expect(parseRupiahInput("rp150000")).toBe(150000n);
    for (const bad of ["", "abc", "150,5", "15.00", "-5000", "1.5e6", "150.0000.1"]) {
      expect(parseRupiahInput(bad)).toBeNull();
    }
  });
});
