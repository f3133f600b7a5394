import { seedWords } from "./words";

/**
 * When seeded payments were made: two years of hours up to "now", each hour weighted by
 * how busy it is (the business grew, weekends are quieter, lunch and evenings busier),
 * and a row's time read off that weighted calendar at the row's place.
 * - `time`: row n of N sits at n/N of the calendar, so rows come oldest first, as real
 *   traffic arrives and as a real table is written (the default);
 * - `random`: each row's place is drawn at random, the same calendar in no order.
 */
export type SeedOrder = "time" | "random";

export const seedOrders = ["time", "random"] as const satisfies readonly SeedOrder[];

const hourMs = 3_600_000;
const days = 730;
/** The seed's days are drawn in Jakarta (UTC+7, no daylight saving). */
const jakartaOffsetMs = 7 * hourMs;

/**
 * Weight of each ISO weekday (1 Monday … 7 Sunday): weekends are quieter, and some of
 * their trade happens on the Thursday and Friday before.
 */
const weekdayWeight: Record<number, number> = { 1: 1, 2: 1, 3: 1, 4: 1.4, 5: 1.4, 6: 0.6, 7: 0.6 };

function hourWeights(): number[] {
  const weights = Array.from({ length: 24 }, () => 0);
  for (const hour of seedWords.hours) weights[hour] = (weights[hour] ?? 0) + 1;
  return weights;
}

/** The weighted calendar: each hour's start and the running total of weight before it. */
export type SeedCalendar = { starts: Float64Array; cumulative: Float64Array; total: number };

export function seedCalendar(now: Date): SeedCalendar {
  const perHour = hourWeights();
  const end = Math.floor(now.getTime() / hourMs) * hourMs;
  const slots = days * 24;
  const starts = new Float64Array(slots);
  const cumulative = new Float64Array(slots + 1);
  for (let i = 0; i < slots; i++) {
    const start = end - (slots - i) * hourMs;
    const local = new Date(start + jakartaOffsetMs);
    const isoDay = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
    // Density falls linearly with age: the business grew over the two years.
    const growth = (i + 0.5) / slots;
    const weight = growth * weekdayWeight[isoDay]! * perHour[local.getUTCHours()]!;
    starts[i] = start;
    cumulative[i + 1] = cumulative[i]! + weight;
  }
  return { starts, cumulative, total: cumulative[slots]! };
}

/** The instant at `place` (0 ≤ place < 1) of the weighted calendar. */
export function instantAt(calendar: SeedCalendar, place: number): number {
  const target = place * calendar.total;
  let low = 0;
  let high = calendar.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (calendar.cumulative[mid]! <= target) low = mid;
    else high = mid - 1;
  }
  const before = calendar.cumulative[low]!;
  const weight = calendar.cumulative[low + 1]! - before;
  return calendar.starts[low]! + ((target - before) / weight) * hourMs;
}

/**
 * The created times of rows `first`…`last` (1-based) of `rows`. In time order each row
 * takes a random place inside its own 1/N of the calendar, so times never go backwards,
 * within a batch or across batches.
 */
export function createdTimes(
  calendar: SeedCalendar,
  range: { first: number; last: number; rows: number },
  order: SeedOrder,
): string[] {
  const out: string[] = [];
  for (let n = range.first; n <= range.last; n++) {
    const place = order === "time" ? (n - 1 + Math.random()) / range.rows : Math.random();
    out.push(new Date(instantAt(calendar, place)).toISOString());
  }
  return out;
}
