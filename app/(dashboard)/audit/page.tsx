import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClass } from "@/components/ui/button-class";
import { DayInput } from "@/components/ui/day-input";
import { PageHeader } from "@/components/ui/page-header";
import { SelectField } from "@/components/ui/select-field";
import { getAuditActors, getAuditPage, readAuditQuery } from "@/lib/audit/list";
import { auditActions } from "@/lib/audit/record";
import { describeAuditEntry } from "@/lib/audit/sentence";
import { requirePageUser } from "@/lib/auth/session";
import { getFormatter } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("pageTitle") };
}

const inputClass =
  "min-h-11 w-full rounded-md bg-white px-3 text-base shadow-xs ring-1 ring-slate-300 outline-none focus:ring-2 focus:ring-brand-500 sm:text-sm";

/** Who did what, when: filters in the URL, newest first, keyset pages, CSV of the filtered set. */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("audit:read");
  const t = await getTranslations("audit");
  const tAll = await getTranslations();
  const format = await getFormatter();
  const query = readAuditQuery(await searchParams);
  const [page, actors] = await Promise.all([getAuditPage(query, user.timeZone), getAuditActors()]);
  const filterParams = new URLSearchParams(
    Object.entries({
      actor: query.actor,
      action: query.action,
      from: query.from,
      to: query.to,
    }).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  const withCursor = (cursor: string) => {
    const params = new URLSearchParams(filterParams);
    params.set("cursor", cursor);
    return `/audit?${params}`;
  };
  const filtered = filterParams.size > 0;
  return (
    <div className="space-y-5">
      <PageHeader
        title={t("title")}
        description={t("subtitle", { zone: format.zoneName })}
        action={
          <a
            href={`/api/audit/export?${filterParams}`}
            className={buttonClass("secondary")}
            download
          >
            {t("export")}
          </a>
        }
      />
      <form
        method="get"
        action="/audit"
        aria-label={t("filters.label")}
        className="grid gap-3 rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_10rem_10rem_auto] lg:items-end"
      >
        <SelectField
          name="actor"
          label={t("filters.person")}
          defaultValue={query.actor ?? ""}
          options={[
            { value: "", label: t("filters.anyone") },
            ...actors.map((a) => ({ value: a.id, label: `${a.name} (${a.email})` })),
          ]}
        />
        <SelectField
          name="action"
          label={t("filters.action")}
          defaultValue={query.action ?? ""}
          options={[
            { value: "", label: t("filters.anyAction") },
            ...auditActions.map((a) => ({ value: a, label: t(`actions.${a}`) })),
          ]}
        />
        <div className="space-y-1.5">
          <label htmlFor="audit-from" className="block text-sm font-medium text-slate-800">
            {t("filters.from")}
          </label>
          <DayInput id="audit-from" name="from" defaultValue={query.from} className={inputClass} />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="audit-to" className="block text-sm font-medium text-slate-800">
            {t("filters.to")}
          </label>
          <DayInput id="audit-to" name="to" defaultValue={query.to} className={inputClass} />
        </div>
        <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
          <button type="submit" className={`${buttonClass()} flex-1 lg:flex-none`}>
            {t("filters.apply")}
          </button>
          {filtered ? (
            <Link href="/audit" className={`${buttonClass("ghost")} flex-1 lg:flex-none`}>
              {t("filters.clear")}
            </Link>
          ) : null}
        </div>
      </form>
      <AuditTable
        rows={page.rows.map((row) => ({
          id: row.id,
          at: format.dateTime(row.at),
          ...describeAuditEntry(tAll, format, row, page.names),
          action: (auditActions as readonly string[]).includes(row.action)
            ? t(`actions.${row.action as (typeof auditActions)[number]}`)
            : row.action,
          mode: row.mode,
          ip: row.ip,
        }))}
        empty={filtered ? "filtered" : "none"}
      />
      <nav aria-label={t("pages")} className="flex justify-between text-sm">
        {query.cursor ? (
          <Link href={`/audit?${filterParams}`} className={buttonClass("ghost")}>
            {t("newest")}
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link href={withCursor(page.nextCursor)} className={buttonClass("ghost")}>
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
