import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { SelectField } from "@/components/ui/select-field";
import { requirePageUser } from "@/lib/auth/session";
import { emailStates } from "@/lib/core/email-kinds";
import { getFormatter } from "@/lib/i18n/server";
import { getOutboxPage, readOutboxQuery, type OutboxQuery } from "@/lib/mail/outbox-view";
import { resendEmailAction } from "./actions";
import { OutboxList } from "./_components/outbox-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("outbox"))("pageTitle") };
}

const pageHref = (query: OutboxQuery, page: number) => {
  const params = new URLSearchParams();
  if (query.state) params.set("state", query.state);
  if (page > 1) params.set("page", String(page));
  return params.size ? `/outbox?${params}` : "/outbox";
};

/** Every email the app sent or will send (admins only: recipients are personal data). */
export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser("settings:manage");
  const t = await getTranslations("outbox");
  const format = await getFormatter();
  const query = readOutboxQuery(await searchParams);
  const { rows, hasOlder } = await getOutboxPage(query);
  return (
    <div className="max-w-5xl space-y-5">
      <PageHeader
        title={t("title")}
        description={t("subtitle", { zone: format.zoneName })}
        action={
          <Link href="/settings/email" className={buttonClass("secondary")}>
            {t("toSettings")}
          </Link>
        }
      />
      <form
        method="get"
        action="/outbox"
        aria-label={t("filterLabel")}
        className="flex flex-col gap-3 rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200 sm:flex-row sm:items-end"
      >
        <div className="sm:w-64">
          <SelectField
            name="state"
            label={t("filterState")}
            defaultValue={query.state ?? ""}
            options={[
              { value: "", label: t("anyState") },
              ...emailStates.map((state) => ({ value: state, label: t(`state.${state}`) })),
            ]}
          />
        </div>
        <button type="submit" className={buttonClass()}>
          {t("apply")}
        </button>
      </form>
      <section className="rounded-xl bg-white px-4 shadow-xs ring-1 ring-slate-200 sm:px-6">
        {rows.length === 0 ? (
          <EmptyState title={query.state ? t("empty.filteredTitle") : t("empty.title")}>
            {query.state ? t("empty.filteredBody") : t("empty.body")}
          </EmptyState>
        ) : (
          <OutboxList rows={rows} resend={resendEmailAction} />
        )}
      </section>
      <nav aria-label={t("pages")} className="flex justify-between text-sm">
        {query.page > 1 ? (
          <Link href={pageHref(query, query.page - 1)} className={buttonClass("ghost")}>
            {t("newer")}
          </Link>
        ) : (
          <span />
        )}
        {hasOlder ? (
          <Link href={pageHref(query, query.page + 1)} className={buttonClass("ghost")}>
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
