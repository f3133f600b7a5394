import { describe, expect, it } from "vitest";
import { formatDateTime, formatMoney, formatNumber } from "./format";

const at = "2026-11-25T09:43:00.000Z";

describe("formatMoney", () => {
  it("formats rupiah in each language, exactly", () => {
    expect(formatMoney("10000.0000", "id")).toBe("Rp 10.000");
    expect(formatMoney(1250000n, "id")).toBe("Rp 1.250.000");
    expect(formatMoney(1250000n, "en")).toBe("Rp 1,250,000");
    expect(formatMoney("2500.5000", "id")).toBe("Rp 2.500,5");
    // Beyond float precision: every digit kept.
    expect(formatMoney("12345678901234567891", "id")).toBe("Rp 12.345.678.901.234.567.891");
    expect(formatMoney("not money", "id")).toBe("not money");
  });

  it("formats counts with the language's grouping", () => {
    expect(formatNumber(12345, "id")).toBe("12.345");
    expect(formatNumber(12345, "en")).toBe("12,345");
  });
});

describe("formatDateTime", () => {
  it("writes the time the way each language does, naming the zone", () => {
    expect(formatDateTime(at, "id", "Asia/Jakarta")).toBe("25 Nov 2026 16.43 WIB");
    expect(formatDateTime(at, "en", "Asia/Jakarta")).toBe("Nov 25, 2026, 4:43 PM WIB");
  });

  it("follows the chosen zone: WITA and WIT", () => {
    expect(formatDateTime(at, "id", "Asia/Makassar")).toBe("25 Nov 2026 17.43 WITA");
    expect(formatDateTime(at, "id", "Asia/Jayapura")).toBe("25 Nov 2026 18.43 WIT");
    // Near midnight the date moves with the zone.
    expect(formatDateTime("2026-11-25T15:30:00Z", "id", "Asia/Jayapura")).toBe(
      "26 Nov 2026 00.30 WIT",
    );
  });

  it("has a date-only style and a dash for no time", () => {
    expect(formatDateTime(at, "id", "Asia/Jakarta", "date")).toBe("25 Nov 2026");
    expect(formatDateTime(null, "en")).toBe("—");
    expect(formatDateTime("garbage", "en")).toBe("—");
  });
});
