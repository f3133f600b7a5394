import type { Locale } from "@/lib/i18n/config";

/*
 * The export's CSV as a spreadsheet program opens it. Excel reads a CSV with the
 * separators of the computer's region: where it is set up for Indonesian, cells are
 * split on ";" and "," is the decimal mark; for English, "," and ".". A number Excel
 * can read it turns into a number, so a VA number or phone loses its leading zero or
 * its last digits (7001295445135468 → 7.00129544513547E+15): identifiers are written as
 * text formulas, ="7001295445135468", which every spreadsheet shows as that text.
 * Pure and without zod: the export buttons offer the separators in the browser.
 */

export const csvSeparators = ["semicolon", "comma"] as const;
export type CsvSeparator = (typeof csvSeparators)[number];

export function isCsvSeparator(value: unknown): value is CsvSeparator {
  return typeof value === "string" && (csvSeparators as readonly string[]).includes(value);
}

/** What Excel set up for the person's language expects: ";" for Indonesian, "," for English. */
export function defaultCsvSeparator(locale: Locale): CsvSeparator {
  return locale === "id" ? "semicolon" : "comma";
}

/** The characters of each: between cells, and the decimal mark of a number. */
export const csvDialects = {
  semicolon: { cell: ";", decimal: "," },
  comma: { cell: ",", decimal: "." },
} as const satisfies Record<CsvSeparator, { cell: string; decimal: string }>;

/**
 * How a column's values are written: `text` as is (a formula defused), `identifier` as
 * text Excel keeps, `number` with the dialect's decimal mark.
 */
export type CsvCellKind = "text" | "identifier" | "number";

/** A cell a spreadsheet would run as a formula (CSV injection), unless it is a plain number. */
const formulaStart = /^[=+\-@\t\r]/;
const plainNumber = /^-?\d+(\.\d+)?$/;
/** Excel's longest text constant in a formula; a longer identifier is written as text. */
const maxFormulaText = 255;

function textCell(value: string): string {
  return formulaStart.test(value) && !plainNumber.test(value) ? `'${value}` : value;
}

/**
 * An identifier as ="…": the value sits inside a text constant (its quotes doubled),
 * so nothing in it runs; this is the only formula the export writes.
 */
function identifierCell(value: string): string {
  if (value.length > maxFormulaText || /[\r\n]/.test(value)) return textCell(value);
  return `="${value.replaceAll('"', '""')}"`;
}

/** One cell of a CSV line in the `separator`'s dialect ("" for no value). */
export function csvCell(value: string | null, kind: CsvCellKind, separator: CsvSeparator): string {
  if (value === null) return "";
  const dialect = csvDialects[separator];
  const text =
    kind === "number"
      ? value.replace(".", dialect.decimal)
      : kind === "identifier"
        ? identifierCell(value)
        : textCell(value);
  const quoted =
    text.includes(dialect.cell) || text.includes('"') || text.includes("\n") || text.includes("\r");
  return quoted ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (CRLF, as spreadsheets write it). */
export function csvLine(
  values: readonly (string | null)[],
  kinds: readonly CsvCellKind[],
  separator: CsvSeparator,
): string {
  let line = "";
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += csvDialects[separator].cell;
    line += csvCell(values[i] ?? null, kinds[i] ?? "text", separator);
  }
  return `${line}\r\n`;
}
