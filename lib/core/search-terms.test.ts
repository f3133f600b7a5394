import { describe, expect, it } from "vitest";
import { compactIdentifier, searchedAmount } from "./search-terms";

describe("searchedAmount", () => {
  it.each([
    ["150.000", "150000"],
    ["150000", "150000"],
    ["Rp150.000", "150000"],
    ["Rp 150.000", "150000"],
    ["rp150rb", "150000"],
    ["Rp150rb", "150000"],
    ["150 ribu", "150000"],
    ["150k", "150000"],
    ["1,5jt", "1500000"],
    ["1.5 juta", "1500000"],
    ["2jt", "2000000"],
    ["IDR 2.500.000", "2500000"],
    ["18.000,50", "18000.5"],
    ["18,000.50", "18000.5"],
    ["150,000", "150000"],
    ["18000,5", "18000.5"],
    ["Rp 1.250.000,00", "1250000"],
  ])("%s → %s", (text, amount) => {
    expect(searchedAmount(text)).toBe(amount);
  });

  it.each(["", "Nama 12", "INV-1234", "0", "Rp", "1.2.3", "15.00.000", "abc150", "150.000,12345"])(
    "%s names no amount",
    (text) => {
      expect(searchedAmount(text)).toBeNull();
    },
  );
});

describe("compactIdentifier", () => {
  it("joins digits typed in groups", () => {
    expect(compactIdentifier("7001 2954 4513 5468")).toBe("7001295445135468");
    expect(compactIdentifier("0001-2345-6789")).toBe("000123456789");
  });
  it("leaves a text without separators, or with other characters, alone", () => {
    expect(compactIdentifier("7001295445135468")).toBeNull();
    expect(compactIdentifier("Budi Santoso")).toBe("BudiSantoso");
    expect(compactIdentifier("kopi, teh")).toBeNull();
  });
});
