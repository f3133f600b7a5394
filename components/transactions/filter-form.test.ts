import { describe, expect, it } from "vitest";
import { listFilter } from "@/lib/core/transaction-filter/url";
import { filterFromForm } from "./filter-form";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("the filter panel reads its form as the URL would", () => {
  const current = listFilter({ q: "kopi", sort: "amount", dir: "asc", zone: "Asia/Jayapura" });

  it("checkboxes, other banks, amounts and typed days become one filter; search, sort and zone stay", () => {
    const { filter, errors } = filterFromForm(
      form([
        ["status", "settled"],
        ["status", "paid"],
        ["channel", "qris"],
        ["bank", "BCA"],
        ["bankOther", "dana, ovo"],
        ["on", "paid"],
        ["period", "custom"],
        ["from", "2026-11-01"],
        ["to", "2026-11-30"],
        ["min", "Rp 150.000"],
        ["max", "2 000 000"],
        ["flag", "paid_twice"],
      ]),
      current,
    );
    expect(errors).toEqual({});
    expect(filter).toMatchObject({
      status: ["paid", "settled"],
      channel: ["qris"],
      bank: ["BCA", "DANA", "OVO"],
      on: "paid",
      period: null,
      from: "2026-11-01",
      to: "2026-11-30",
      min: "150000",
      max: "2000000",
      flag: ["paid_twice"],
      q: "kopi",
      sort: "amount",
      dir: "asc",
      zone: "Asia/Jayapura",
    });
  });

  it("a period drops typed days; 'any' sets neither", () => {
    const period = filterFromForm(
      form([
        ["period", "7d"],
        ["from", "2026-11-01"],
      ]),
      current,
    );
    expect(period.filter).toMatchObject({ period: "7d", from: null, to: null });
    const any = filterFromForm(form([["period", "any"]]), current);
    expect(any.filter).toMatchObject({ period: null, from: null, to: null });
  });

  it("names what it cannot read, as a link's reader does", () => {
    const { errors } = filterFromForm(
      form([
        ["period", "custom"],
        ["from", "31/02/2026"],
        ["to", "2026-11-30"],
        ["min", "500.000"],
        ["max", "100.000"],
      ]),
      current,
    );
    expect(errors).toEqual({ from: "day", max: "maxBelowMin" });
    const backwards = filterFromForm(
      form([
        ["period", "custom"],
        ["from", "2026-12-01"],
        ["to", "2026-11-30"],
        ["min", "abc"],
      ]),
      current,
    );
    expect(backwards.errors).toEqual({ to: "toBeforeFrom", min: "amount" });
  });
});
