import { describe, expect, it } from "vitest";
import { checkAmount } from "./money";

describe("checkAmount", () => {
  it.each([
    ["10000.0000", "10000.0000"],
    ["10000", "10000.0000"],
    [10000, "10000.0000"],
    [150000.5, "150000.5000"],
    ["0010.50", "10.5000"],
    ["10000.123400", "10000.1234"],
    ["1.5e3", "1500.0000"],
    ["9999999999999999.9999", "9999999999999999.9999"],
  ])("reads %j as %s", (raw, value) => {
    expect(checkAmount(raw)).toEqual({ ok: true, value });
  });

  it.each([
    [undefined, "amount is missing"],
    [null, "amount is missing"],
    ["0.0000", 'amount "0.0000" is zero'],
    [0, "amount 0 is zero"],
    ["-10000.0000", 'amount "-10000.0000" is negative'],
    ["10000.12345", 'amount "10000.12345" has more than 4 decimal places'],
    ["1e30", 'amount "1e30" does not fit numeric(20,4)'],
    ["1e999", 'amount "1e999" does not fit numeric(20,4)'],
    [1e30, "amount 1e+30 does not fit numeric(20,4)"],
    [99999999999999999999999, "amount 1e+23 does not fit numeric(20,4)"],
    ["12345678901234567", 'amount "12345678901234567" does not fit numeric(20,4)'],
    ["1e-5", 'amount "1e-5" has more than 4 decimal places'],
    ["Rp 10.000", 'amount "Rp 10.000" is not a decimal number'],
    [" 10000", 'amount " 10000" is not a decimal number'],
    [true, "amount true is not a number"],
    [{ value: 1 }, 'amount {"value":1} is not a number'],
  ])("flags %j: %s", (raw, reason) => {
    expect(checkAmount(raw)).toEqual({ ok: false, reason });
  });
});
