import { describe, expect, it } from "vitest";
import { parseRupiahInput } from "./money";

describe("parseRupiahInput", () => {
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
