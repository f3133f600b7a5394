/**
 * A minimal CSV reader (quotes, doubled quotes, CRLF, newlines in quotes), cells split
 * on `separator` (the export writes ";" or ",").
 */
export function parseCsv(text: string, separator: ";" | "," = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = "";
    } else if (c === "\r") continue;
    else if (c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  return rows;
}

/**
 * What a spreadsheet shows for a cell the export wrote: the text of a ="…" text formula
 * (an identifier kept as text), anything else as it is.
 */
export function shownText(cell: string): string {
  const formula = /^="((?:[^"]|"")*)"$/s.exec(cell);
  return formula ? formula[1]!.replaceAll('""', '"') : cell;
}
