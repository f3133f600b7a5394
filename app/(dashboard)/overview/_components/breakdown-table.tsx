import type { ReactNode } from "react";

export interface BreakdownColumn {
  label: string;
  /** Figures: the header and the cells sit right. */
  numeric?: boolean;
  /** Classes of this column's cells besides the padding and alignment. */
  cellClassName?: string;
}

export interface BreakdownRow {
  key: string;
  /** The row's name (its header cell). */
  head: ReactNode;
  /** One cell a column after the first. */
  cells: ReactNode[];
}

function cellClass(column: BreakdownColumn | undefined, padding: string): string {
  return [`px-4 ${padding}`, column?.numeric ? "text-right" : null, column?.cellClassName]
    .filter(Boolean)
    .join(" ");
}

interface BreakdownTableProps {
  id: string;
  title: string;
  hint?: string;
  columns: BreakdownColumn[];
  rows: BreakdownRow[];
  /** Shown instead of the table when there are no rows. */
  empty?: string;
  rowPadding?: string;
  headClassName?: string;
  tableClassName?: string;
  children?: ReactNode;
}

/**
 * One overview breakdown (per channel, per bank) as a titled card with a table; a
 * table hidden on phones (`tableClassName`) gets its phone list as `children`.
 */
export function BreakdownTable({
  id,
  title,
  hint,
  columns,
  rows,
  empty,
  rowPadding = "py-2",
  headClassName = "font-medium",
  tableClassName = "",
  children,
}: BreakdownTableProps) {
  return (
    <section
      aria-labelledby={id}
      className="overflow-hidden rounded-xl bg-white shadow-xs ring-1 ring-slate-200"
    >
      <h2 id={id} className="border-b border-slate-200 px-4 py-3 font-semibold">
        {title}
      </h2>
      {hint ? <p className="px-4 pt-2 text-xs text-slate-600">{hint}</p> : null}
      {empty !== undefined && rows.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-600">{empty}</p>
      ) : (
        <table className={`w-full text-left text-sm ${tableClassName}`.trim()}>
          <thead className="text-xs font-medium text-slate-600">
            <tr>
              {columns.map((c) => (
                <th
                  key={c.label}
                  scope="col"
                  className={c.numeric ? "px-4 py-2 text-right" : "px-4 py-2"}
                >
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <BreakdownBody
            columns={columns}
            rows={rows}
            rowPadding={rowPadding}
            headClassName={headClassName}
          />
        </table>
      )}
      {children}
    </section>
  );
}

function BreakdownBody({
  columns,
  rows,
  rowPadding,
  headClassName,
}: {
  columns: BreakdownColumn[];
  rows: BreakdownRow[];
  rowPadding: string;
  headClassName: string;
}) {
  return (
    <tbody className="divide-y divide-slate-100">
      {rows.map((row) => (
        <tr key={row.key}>
          <th scope="row" className={`px-4 ${rowPadding} ${headClassName}`}>
            {row.head}
          </th>
          {row.cells.map((cell, i) => (
            <td key={columns[i + 1]?.label ?? i} className={cellClass(columns[i + 1], rowPadding)}>
              {cell}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
