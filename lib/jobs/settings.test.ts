import { afterEach, describe, expect, it, vi } from "vitest";
import { pacer } from "./pacer";
import { backoffSeconds, parseJobSettings } from "./settings";

describe("job settings", () => {
  it("runs the sweep every minute by default, with its limits", () => {
    const settings = parseJobSettings({});
    expect(settings).toMatchObject({ enabled: true, sweepCron: "* * * * *" });
    expect(settings.sweep).toMatchObject({
      batch: 100,
      ratePerSecond: 5,
      silentAfterSeconds: 900,
      unconfirmedAfterSeconds: 300,
    });
  });

  it("sends email without sweeping when JOBS=email", () => {
    expect(parseJobSettings({ JOBS: "email" })).toMatchObject({
      enabled: true,
      sweepEnabled: false,
      emailEnabled: true,
    });
    expect(parseJobSettings({})).toMatchObject({ sweepEnabled: true, emailEnabled: true });
  });

  it("is turned off by JOBS=off, and blank values count as unset", () => {
    expect(parseJobSettings({ JOBS: "off" }).enabled).toBe(false);
    expect(parseJobSettings({ JOBS: "", SWEEP_BATCH: "" })).toMatchObject({
      enabled: true,
      sweep: { batch: 100 },
    });
  });

  it("names each bad variable", () => {
    expect(() => parseJobSettings({ JOBS: "yes", SWEEP_BATCH: "0" })).toThrow(
      /JOBS: must be on, off or email[\s\S]*SWEEP_BATCH/,
    );
  });

  it("backs off 5, 10, 20 … minutes, up to 6 hours", () => {
    const { sweep } = parseJobSettings({});
    expect([1, 2, 3, 4].map((n) => backoffSeconds(n, sweep))).toEqual([300, 600, 1200, 2400]);
    expect(backoffSeconds(50, sweep)).toBe(6 * 3600);
  });
});

describe("pacer", () => {
  afterEach(() => vi.useRealTimers());

  it("spaces calls 1/rate seconds apart, and an abort ends a wait", async () => {
    vi.useFakeTimers({ now: 0 });
    const wait = pacer(4);
    const started: number[] = [];
    const run = (async () => {
      for (let i = 0; i < 3; i++) {
        await wait();
        started.push(Date.now());
      }
    })();
    await vi.runAllTimersAsync();
    await run;
    expect(started).toEqual([0, 250, 500]);

    const stopping = new AbortController();
    const waiting = wait(stopping.signal);
    stopping.abort();
    await waiting; // resolves without the clock moving
    expect(Date.now()).toBe(500);
  });
});
