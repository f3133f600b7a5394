import { describe, expect, it } from "vitest";
import { remaining } from "./countdown";

describe("remaining", () => {
  it("splits seconds into whole days and a clock", () => {
    expect(remaining(0)).toEqual({ days: 0, clock: "00:00:00" });
    expect(remaining(59)).toEqual({ days: 0, clock: "00:00:59" });
    expect(remaining(86_399)).toEqual({ days: 0, clock: "23:59:59" });
    expect(remaining(2 * 86_400 + 3723)).toEqual({ days: 2, clock: "01:02:03" });
  });

  it("never counts below zero", () => {
    expect(remaining(-5)).toEqual({ days: 0, clock: "00:00:00" });
  });
});
