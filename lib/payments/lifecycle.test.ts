import { describe, expect, it } from "vitest";
import { decideTransition, stateForStatus } from "./lifecycle";

describe("lifecycle", () => {
  it("maps known statuses whatever their case, and not unknown ones", () => {
    expect(stateForStatus("ACTIVE")).toBe("active");
    expect(stateForStatus("paid")).toBe("paid");
    expect(stateForStatus("REFUNDED")).toBeNull();
    expect(stateForStatus(null)).toBeNull();
  });

  it("moves only forward", () => {
    expect(decideTransition("creating", "ACTIVE")).toEqual({ kind: "advance", to: "active" });
    expect(decideTransition("active", "PAID")).toEqual({ kind: "advance", to: "paid" });
    expect(decideTransition("paid", "SETTLED")).toEqual({ kind: "advance", to: "settled" });
    expect(decideTransition("paid", "ACTIVE")).toEqual({ kind: "stale" });
    expect(decideTransition("settled", "PAID")).toEqual({ kind: "stale" });
    expect(decideTransition("paid", "PAID")).toEqual({ kind: "same" });
    expect(decideTransition("active", "WEIRD")).toEqual({ kind: "unknown" });
  });

  it("lets money received win over an expiry, never the other way", () => {
    expect(decideTransition("expired", "PAID")).toEqual({ kind: "advance", to: "paid" });
    expect(decideTransition("paid", "EXPIRED")).toEqual({ kind: "stale" });
  });

  it("lets a callback revive a create that timed out", () => {
    expect(decideTransition("failed_to_create", "ACTIVE")).toEqual({
      kind: "advance",
      to: "active",
    });
  });
});
