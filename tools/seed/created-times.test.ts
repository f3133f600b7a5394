import { describe, expect, it } from "vitest";
import { createdTimes, seedCalendar } from "./created-times";

const now = new Date("2026-11-20T05:30:00Z");
const calendar = seedCalendar(now);
const range = { first: 1, last: 20_000, rows: 20_000 };

describe("seeded created times", () => {
  it("in time order never go backwards, and span two years up to now", () => {
    const times = createdTimes(calendar, range, "time").map((t) => Date.parse(t));
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
    expect(times.at(-1)!).toBeLessThan(now.getTime());
    expect(times[0]!).toBeGreaterThanOrEqual(now.getTime() - 731 * 86_400_000);
    // Batches continue where the last one stopped.
    const next = createdTimes(calendar, { first: 20_001, last: 20_001, rows: 40_000 }, "time");
    const previous = createdTimes(calendar, { first: 20_000, last: 20_000, rows: 40_000 }, "time");
    expect(Date.parse(next[0]!)).toBeGreaterThanOrEqual(Date.parse(previous[0]!));
  });

  it("are busier lately, on weekdays and by day than at night (in Jakarta)", () => {
    const times = createdTimes(calendar, range, "random").map((t) => new Date(t));
    const local = times.map((t) => new Date(t.getTime() + 7 * 3_600_000));
    const lastYear = times.filter((t) => t.getTime() > now.getTime() - 365 * 86_400_000);
    expect(lastYear.length / times.length).toBeGreaterThan(0.7);
    const weekend = local.filter((t) => [0, 6].includes(t.getUTCDay())).length / 2;
    const weekday = local.filter((t) => ![0, 6].includes(t.getUTCDay())).length / 5;
    expect(weekend).toBeLessThan(weekday * 0.8);
    const night = local.filter((t) => [2, 3, 4, 5].includes(t.getUTCHours())).length;
    expect(night).toBe(0);
  });
});
