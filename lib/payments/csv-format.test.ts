import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv, shownText } from "@/testing/csv";
import {
  csvDialects,
  csvLine,
  csvSeparators,
  defaultCsvSeparator,
  type CsvCellKind,
  type CsvSeparator,
} from "./csv-format";

/** One line written, then read back the way the tests read an export. */
function roundTrip(values: (string | null)[], kinds: CsvCellKind[], separator: CsvSeparator) {
  const text = csvLine(values, kinds, separator);
  expect(text.endsWith("\r\n")).toBe(true);
  const rows = parseCsv(text, csvDialects[separator].cell);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe("CSV for spreadsheets", () => {
  it("Indonesian Excel expects ';' and English ','", () => {
    expect(defaultCsvSeparator("id")).toBe("semicolon");
    expect(defaultCsvSeparator("en")).toBe("comma");
  });

  it("identifiers are text formulas that keep every digit and leading zero", () => {
    for (const separator of csvSeparators) {
      const [va, phone, code, none] = roundTrip(
        ["7001295445135468", "081234567890", "ALF00012", null],
        ["identifier", "identifier", "identifier", "identifier"],
        separator,
      );
      expect(va).toBe('="7001295445135468"');
      expect(shownText(va!)).toBe("7001295445135468");
      expect(shownText(phone!)).toBe("081234567890");
      expect(shownText(code!)).toBe("ALF00012");
      expect(none).toBe("");
    }
    // The raw bytes: the formula's quotes doubled inside a quoted cell.
    expect(csvLine(["007"], ["identifier"], "semicolon")).toBe('"=""007"""\r\n');
  });

  it("nothing inside an identifier runs: it stays inside one text constant", () => {
    const hostile = ["=cmd|' /C calc'!A0", 'INV"&HYPERLINK("x")&"', "+6281;2", "@SUM(1)"];
    const cells = roundTrip(
      hostile,
      hostile.map(() => "identifier" as const),
      "semicolon",
    );
    cells.forEach((cell, i) => {
      expect(cell).toMatch(/^="(?:[^"]|"")*"$/);
      expect(shownText(cell)).toBe(hostile[i]);
    });
    // Too long for a text constant: written as defused text instead.
    const long = `=${"9".repeat(300)}`;
    expect(roundTrip([long], ["identifier"], "comma")).toEqual([`'${long}`]);
  });

  it("text that a spreadsheet would run is defused; plain numbers are left alone", () => {
    const [formula, negative, plus, plain] = roundTrip(
      ["=SUM(A1:A9)", "-500", "+1 (555)", "Kopi; susu, gula"],
      ["text", "text", "text", "text"],
      "semicolon",
    );
    expect(formula).toBe("'=SUM(A1:A9)");
    expect(negative).toBe("-500");
    expect(plus).toBe("'+1 (555)");
    expect(plain).toBe("Kopi; susu, gula");
  });

  it("numbers take the dialect's decimal mark", () => {
    expect(
      roundTrip(["10000.5", "4000", null], ["number", "number", "number"], "semicolon"),
    ).toEqual(["10000,5", "4000", ""]);
    expect(roundTrip(["10000.5"], ["number"], "comma")).toEqual(["10000.5"]);
    // Only the separator in use needs quotes.
    expect(csvLine(["a,b", "c;d"], ["text", "text"], "semicolon")).toBe('a,b;"c;d"\r\n');
    expect(csvLine(["a,b", "c;d"], ["text", "text"], "comma")).toBe('"a,b",c;d\r\n');
  });

  it("any text reads back as written, in either dialect", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 40 }), fc.constantFrom("text", "identifier")), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.constantFrom(...csvSeparators),
        (cells, separator) => {
          const values = cells.map(([v]) => v);
          const kinds = cells.map(([, k]) => k as CsvCellKind);
          const read = roundTrip(values, kinds, separator);
          read.forEach((cell, i) => {
            const value = values[i]!;
            const defused = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value);
            const identifier = kinds[i] === "identifier" && !/[\r\n]/.test(value);
            expect(identifier ? shownText(cell) : cell).toBe(
              defused && !identifier ? `'${value}` : value,
            );
          });
        },
      ),
    );
  });
});
