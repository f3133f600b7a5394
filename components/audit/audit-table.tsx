import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import type { AuditDescription } from "@/lib/audit/sentence";

export type AuditTableRow = AuditDescription & {
  id: number;
  at: string;
  /** The action's short name, as the filter says it. */
  action: string;
  mode: string | null;
  ip: string | null;
};

const columns = ["at", "action", "details"] as const;

/** The entry's details as labelled fields, and the address it came from. */
function Details({ row }: { row: AuditTableRow }) {
  const t = useTranslations("audit");
  const fields = row.ip ? [...row.fields, { label: t("address"), value: row.ip }] : row.fields;
  if (fields.length === 0) return null;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
      {fields.map((f) => (
        <div key={f.label} className="contents">
          <dt className="text-slate-600">{f.label}</dt>
          <dd className="break-words text-slate-800">
            {f.code ? <code className="font-mono break-all">{f.value}</code> : f.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** What happened, in a sentence, with the action's short name and the data it touched. */
function What({ row }: { row: AuditTableRow }) {
  const tMode = useTranslations("mode");
  const mode = row.mode ? tMode(row.mode as "local" | "sandbox" | "production") : null;
  return (
    <>
      <p className="font-medium text-slate-900">{row.sentence}</p>
      <p className="text-xs text-slate-600">
        {row.action}
        {mode ? ` · ${mode}` : ""}
      </p>
    </>
  );
}

/** Read-only: entries cannot be edited or deleted (the database refuses it too). */
export function AuditTable({ rows, empty }: { rows: AuditTableRow[]; empty: "none" | "filtered" }) {
  const t = useTranslations("audit");
  if (rows.length === 0) {
    return (
      <div className="rounded-xl bg-white shadow-xs ring-1 ring-slate-200">
        <EmptyState title={t(`empty.${empty}.title`)}>{t(`empty.${empty}.body`)}</EmptyState>
      </div>
    );
  }
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
              <td className="px-4 py-3">
                <What row={row} />
              </td>
              <td className="max-w-md min-w-56 px-4 py-3">
                <Details row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="divide-y divide-slate-100 md:hidden">
        {rows.map((row) => (
          <li key={row.id} className="space-y-1 px-4 py-3 text-sm">
            <What row={row} />
            <p className="text-xs text-slate-600">{row.at}</p>
            <Details row={row} />
          </li>
        ))}
      </ul>
    </div>
  );
}
