import { describe, expect, it } from "vitest";
import { addDecimals } from "@/lib/core/money";
import { listFilter, transactionsListUrl } from "@/lib/core/transaction-filter/url";
import { addDays, dayStart, daysDescending, isDay, zonedDay } from "@/lib/core/time";

describe("calendar days in a person's zone", () => {
  it("a moment falls on the day of its zone", () => {
    const lateUtc = new Date("2026-11-24T16:30:00Z"); // 23.30 WIB, 00.30 WITA
    expect(zonedDay(lateUtc, "Asia/Jakarta")).toBe("2026-11-24");
    expect(zonedDay(lateUtc, "Asia/Makassar")).toBe("2026-11-25");
    expect(zonedDay(lateUtc, "Asia/Jayapura")).toBe("2026-11-25");
  });

  it("a day starts at its zone's midnight; days add across months and years", () => {
    expect(dayStart("2026-11-25", "Asia/Jakarta").toISOString()).toBe("2026-11-24T17:00:00.000Z");
    expect(dayStart("2026-11-25", "Asia/Jayapura").toISOString()).toBe("2026-11-24T15:00:00.000Z");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(daysDescending("2026-10-30", "2026-11-02")).toEqual([
      "2026-11-02",
      "2026-11-01",
      "2026-10-31",
      "2026-10-30",
    ]);
  });

  it("only real calendar days are days", () => {
    expect(isDay("2026-02-28")).toBe(true);
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2026-13-01")).toBe(false);
    expect(isDay("../etc")).toBe(false);
  });
});

describe("list URLs and exact sums", () => {
  it("names a filter in the list's URL contract", () => {
    expect(transactionsListUrl(listFilter({}))).toBe("/transactions");
    expect(
      transactionsListUrl(
        listFilter({
          status: ["paid", "settled"],
          channel: ["qris"],
          bank: ["BCA"],
          on: "paid",
          from: "2026-11-01",
          to: "2026-11-30",
          flag: ["needs_review"],
        }),
      ),
    ).toBe(
      "/transactions?status=paid,settled&channel=qris&bank=BCA&on=paid&from=2026-11-01&to=2026-11-30&flag=needs_review",
    );
    // `on=created` is the list's default and is left out.
    expect(
      transactionsListUrl(listFilter({ on: "created", from: "2026-11-01", to: "2026-11-01" })),
    ).toBe("/transactions?from=2026-11-01&to=2026-11-01");
  });

  it("adds decimal strings exactly", () => {
    expect(addDecimals("0.1000", "0.2")).toBe("0.3");
    expect(addDecimals("9007199254740993.0000", "1")).toBe("9007199254740994");
    expect(addDecimals("100", "-250.5")).toBe("-150.5");
    expect(addDecimals()).toBe("0");
  });
});
