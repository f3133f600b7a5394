import { describe, expect, it } from "vitest";
import { dailyRows } from "./chart-data";

describe("the daily chart's rows", () => {
  it("orders several channels as the vocabulary does and totals each day", () => {
    const cell = (
      day: string,
      channel: "qris" | "virtual-account" | "ewallet-dana",
      amount: string,
    ) => ({
      day,
      channel,
      amount,
      count: 1,
      href: `/transactions?channel=${channel}`,
    });
    const { channels, rows } = dailyRows({
      days: ["2026-12-06", "2026-12-07"],
      rows: [
        cell("2026-12-07", "ewallet-dana", "5000"),
        cell("2026-12-07", "qris", "10000.5000"),
        cell("2026-12-06", "virtual-account", "25000"),
      ],
    });
    expect(channels).toEqual(["virtual-account", "qris", "ewallet-dana"]);
    expect(rows.map((r) => [r.day, r.total])).toEqual([
      ["2026-12-06", "25000"],
      ["2026-12-07", "15000.5"],
    ]);
  });
});
