import { describe, expect, it } from "vitest";
import { dateTimeText, dayText, parseDateTimeText, parseDayText } from "./day-text";
import { parseZonedDateTime } from "./time";

describe("days typed as dd/mm/yyyy", () => {
  it("reads the day first, whatever the separator", () => {
    expect(parseDayText("12/08/2026")).toBe("2026-08-12");
    expect(parseDayText(" 1/2/2026 ")).toBe("2026-02-01");
    expect(parseDayText("12-08-2026")).toBe("2026-08-12");
    expect(parseDayText("12.08.2026")).toBe("2026-08-12");
    expect(parseDayText("2026-08-12")).toBe("2026-08-12");
  });

  it("refuses what is not a calendar day", () => {
    for (const text of ["31/02/2026", "00/01/2026", "12/13/2026", "12/08/26", "", "besok"])
      expect(parseDayText(text), text).toBeNull();
    expect(parseDayText("29/02/2028")).toBe("2028-02-29");
  });

  it("shows an ISO day as dd/mm/yyyy and anything else as typed", () => {
    expect(dayText("2026-08-12")).toBe("12/08/2026");
    expect(dayText("31/02/2026")).toBe("31/02/2026");
    expect(dayText(null)).toBe("");
  });
});

describe("times typed as dd/mm/yyyy hh:mm", () => {
  it("reads 24-hour, Indonesian dotted and 12-hour times", () => {
    expect(parseDateTimeText("12/08/2026 20:49")).toBe("2026-08-12T20:49");
    expect(parseDateTimeText("12/08/2026 08.05")).toBe("2026-08-12T08:05");
    expect(parseDateTimeText("12/08/2026, 8:49 PM")).toBe("2026-08-12T20:49");
    expect(parseDateTimeText("12/08/2026 12:00 am")).toBe("2026-08-12T00:00");
    expect(parseDateTimeText("2026-08-12T20:49")).toBe("2026-08-12T20:49");
  });

  it("refuses a missing or impossible time", () => {
    for (const text of ["12/08/2026", "12/08/2026 24:00", "12/08/2026 13:00 PM", "20:49"])
      expect(parseDateTimeText(text), text).toBeNull();
  });

  it("shows a datetime-local value as dd/mm/yyyy hh:mm", () => {
    expect(dateTimeText("2026-08-12T20:49")).toBe("12/08/2026 20:49");
  });

  it("is read in the person's zone", () => {
    expect(parseZonedDateTime("12/08/2026 20:49", "Asia/Jakarta")?.toISOString()).toBe(
      "2026-08-12T13:49:00.000Z",
    );
    expect(parseZonedDateTime("12/08/2026 20:49", "Asia/Jayapura")?.toISOString()).toBe(
      "2026-08-12T11:49:00.000Z",
    );
    expect(parseZonedDateTime("2026-08-12T20:49", "Asia/Makassar")?.toISOString()).toBe(
      "2026-08-12T12:49:00.000Z",
    );
  });
});
