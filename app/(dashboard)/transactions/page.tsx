import type { Metadata } from "next";
import Link from "next/link";
import { TransactionsTable } from "@/components/transactions/transactions-table";
import { buttonClass } from "@/components/ui/button-class";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import {
  getTransactionListPage,
  transactionListQuerySchema,
} from "@/lib/payments/transaction-list";

export const metadata: Metadata = { title: "Transactions" };

export default async function TransactionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("transactions:read");
  const params = await searchParams;
  const cursor = typeof params.cursor === "string" ? params.cursor : undefined;
  const query = transactionListQuerySchema.safeParse({ cursor }).data ?? {};
  const initialPage = await getTransactionListPage(query);
  return (
    <div className="space-y-5">
      <header className="flex items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Transactions</h1>
          <p className="text-sm text-slate-600">
            Every payment, live as Purwantara reports it. Times in WIB.
          </p>
        </div>
        {can(user.role, "payments:create") ? (
          <Link href="/payment-links/new" className={buttonClass()}>
            New payment link
          </Link>
        ) : null}
      </header>
      {params.denied ? (
        <p
          role="alert"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          Your role cannot open that page.
        </p>
      ) : null}
      <TransactionsTable initialPage={initialPage} cursor={query.cursor ?? null} />
    </div>
  );
}
