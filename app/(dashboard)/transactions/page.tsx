import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TransactionRows } from "@/components/transactions/transaction-rows";
import { TransactionsView } from "@/components/transactions/transactions-table";
import { buttonClass } from "@/components/ui/button-class";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { actingMode } from "@/lib/gateway/config";
import { getFormatter } from "@/lib/i18n/server";
import { parseTransactionFilter } from "@/lib/core/transaction-filter/parse";
import { serializeTransactionFilter } from "@/lib/core/transaction-filter/url";
import { getCreators, getTransactionListPage } from "@/lib/payments/transaction-list";
import { resolveFilter } from "@/lib/core/transaction-filter/resolve";
import { defaultTimeZone, isTimeZone } from "@/lib/core/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("transactions"))("pageTitle") };
}

export default async function TransactionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("transactions:read");
  const t = await getTranslations();
  const format = await getFormatter();
  const params = await searchParams;
  const { filter } = parseTransactionFilter(params);
  const cursor = typeof params.cursor === "string" ? params.cursor : null;
  const zone = isTimeZone(user.timeZone) ? user.timeZone : defaultTimeZone;
  const resolved = resolveFilter(filter, await actingMode(user), zone);
  const [initialPage, creators] = await Promise.all([
    getTransactionListPage(resolved, { cursor }),
    getCreators(),
  ]);
  const query = serializeTransactionFilter(filter);
  if (cursor) query.set("cursor", cursor);
  const newLink = can(user.role, "payments:create") ? (
    <Link href="/payments/new" className={buttonClass()}>
      {t("nav.newPayment")}
    </Link>
  ) : null;
  return (
    <div className="space-y-5">
      <PageHeader
        title={t("transactions.title")}
        description={t("transactions.subtitle", { zone: format.zoneName })}
        action={newLink}
      />
      {params.denied ? (
        <p
          role="alert"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200"
        >
          {t("transactions.denied")}
        </p>
      ) : null}
      <TransactionsView
        initialPage={initialPage}
        initialRows={<TransactionRows items={initialPage.items} format={format} />}
        initialQuery={query.toString()}
        creators={creators}
        canExport={can(user.role, "transactions:export")}
        emptyAction={
          newLink ? (
            <Link href="/payments/new" className={buttonClass("secondary")}>
              {t("transactions.emptyAction")}
            </Link>
          ) : undefined
        }
      />
    </div>
  );
}
