import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { defaultRelayEvents } from "@/lib/core/relay-events";
import { actingMode } from "@/lib/gateway/config";
import { listRelayEndpointViews } from "@/lib/relay/view";
import { addRelayEndpointAction } from "./actions";
import { EndpointForm } from "./_components/endpoint-form";
import { EndpointStatus } from "./_components/endpoint-status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("relay"))("pageTitle") };
}

const card = "space-y-4 rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200 sm:p-6";

export default async function RelayPage() {
  const user = await requirePageUser("relay:manage");
  const t = await getTranslations();
  const mode = await actingMode(user);
  const endpoints = await listRelayEndpointViews(mode);
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title={t("relay.title")}
        description={t("relay.subtitle", { mode: t(`mode.${mode}`) })}
      />
      <section aria-labelledby="endpoints-heading" className={card}>
        <h2 id="endpoints-heading" className="text-lg font-semibold">
          {t("relay.endpoints")}
        </h2>
        {endpoints.length === 0 ? (
          <EmptyState title={t("relay.empty.title")}>{t("relay.empty.body")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200">
            {endpoints.map((endpoint) => (
              <li
                key={endpoint.id}
                className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between"
              >
                <div className="min-w-0 space-y-1">
                  <Link
                    href={`/relay/${endpoint.id}`}
                    className="block font-mono text-sm break-all text-brand-700 underline"
                  >
                    {endpoint.url}
                  </Link>
                  <p className="text-sm text-slate-600">
                    {endpoint.description || t("relay.noDescription")} ·{" "}
                    {endpoint.events.map((e) => t(`relay.event.${e}`)).join(", ")}
                  </p>
                </div>
                <EndpointStatus endpoint={endpoint} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="add-heading" className={card}>
        <h2 id="add-heading" className="text-lg font-semibold">
          {t("relay.add")}
        </h2>
        <p className="text-sm text-slate-600">{t("relay.addIntro", { mode: t(`mode.${mode}`) })}</p>
        <EndpointForm
          action={addRelayEndpointAction}
          initial={{ url: "", description: "", events: defaultRelayEvents }}
          submitLabel={t("relay.addSubmit")}
        />
      </section>
    </div>
  );
}
