import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";

export type AuditTableRow = {
  id: number;
  at: string;
  person: string;
  action: string;
  mode: string | null;
  target: string | null;
  ip: string | null;
  details: string | null;
};

const columns = ["at", "person", "action", "target", "details"] as const;

/** Read-only: entries cannot be edited or deleted (the database refuses it too). */
export function AuditTable({ rows, empty }: { rows: AuditTableRow[]; empty: "none" | "filtered" }) {
  const t = useTranslations("audit");
  const tMode = useTranslations("mode");
  if (rows.length === 0) {
    return (
      <div className="rounded-xl bg-white shadow-xs ring-1 ring-slate-200">
        <EmptyState title={t(`empty.${empty}.title`)}>{t(`empty.${empty}.body`)}</EmptyState>
      </div>
    );
  }
  const modeOf = (row: AuditTableRow) =>
    row.mode ? tMode(row.mode as "local" | "sandbox" | "production") : null;
  return (
    <div className="overflow-hidden rounded-xl bg-white shadow-xs ring-1 ring-slate-200">
      <table className="hidden w-full text-left text-sm md:table">
        <caption className="sr-only">{t("title")}</caption>
        <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-600 uppercase">
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col" className="px-4 py-2.5">
                {t(`columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="px-4 py-3 whitespace-nowrap text-slate-700">{row.at}</td>
              <td className="px-4 py-3 break-all">{row.person}</td>
              <td className="px-4 py-3">
                <p className="font-medium">{row.action}</p>
                {modeOf(row) ? <p className="text-xs text-slate-600">{modeOf(row)}</p> : null}
              </td>
              <td className="px-4 py-3 font-mono text-xs break-all text-slate-700">
                {row.target}
                {row.ip ? <span className="block text-slate-500">{row.ip}</span> : null}
              </td>
              <td className="max-w-xs px-4 py-3 font-mono text-xs break-all text-slate-700">
                {row.details}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="divide-y divide-slate-100 md:hidden">
        {rows.map((row) => (
          <li key={row.id} className="space-y-1 px-4 py-3 text-sm">
            <p className="font-medium">{row.action}</p>
            <p className="break-all text-slate-700">{row.person}</p>
            <p className="text-xs text-slate-600">
              {row.at}
              {modeOf(row) ? ` · ${modeOf(row)}` : ""}
            </p>
            {row.target ? (
              <p className="font-mono text-xs break-all text-slate-600">{row.target}</p>
            ) : null}
            {row.details ? (
              <p className="font-mono text-xs break-all text-slate-600">{row.details}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
