import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionButtonForm } from "@/components/payments/action-button-form";
import { AutoRefresh } from "@/components/ui/auto-refresh";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { actingMode } from "@/lib/gateway/config";
import { getFormatter } from "@/lib/i18n/server";
import { getRelayEndpointView, getRelayLog } from "@/lib/relay/view";
import { changeRelayEndpointAction, manageRelayEndpointAction } from "../actions";
import { DeliveryLog } from "../_components/delivery-log";
import { EndpointForm } from "../_components/endpoint-form";
import { EndpointStatus } from "../_components/endpoint-status";
import { RotateSecret } from "../_components/rotate-secret";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("relay"))("pageTitle") };
}

const card = "space-y-4 rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200 sm:p-6";

export default async function RelayEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("relay:manage");
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const endpoint = await getRelayEndpointView(await actingMode(user), id);
  if (!endpoint) notFound();
  const t = await getTranslations("relay");
  const format = await getFormatter();
  const log = await getRelayLog(endpoint.id);
  const manage = (kind: Parameters<typeof manageRelayEndpointAction>[1]) =>
    manageRelayEndpointAction.bind(null, endpoint.id, kind);
  return (
    <div className="max-w-4xl space-y-6">
      <Link href="/relay" className="text-sm text-brand-700 underline">
        {t("back")}
      </Link>
      <PageHeader title={t("endpointTitle")} description={endpoint.url} />
      {endpoint.pausedReason === "failing" && endpoint.pausedAt ? (
        <p
          role="status"
          className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          {t("pausedNotice", {
            since: format.dateTime(endpoint.failingSince ?? endpoint.pausedAt),
          })}
        </p>
      ) : null}
      {log.some((row) => row.state === "pending" || row.state === "sending") ? (
        <AutoRefresh ms={3000} />
      ) : null}
      <section aria-labelledby="state-heading" className={card}>
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="state-heading" className="text-lg font-semibold">
            {t("stateTitle")}
          </h2>
          <EndpointStatus endpoint={endpoint} />
        </div>
        {endpoint.previousSecretUntil && endpoint.previousSecretUntil > new Date() ? (
          <p className="text-sm text-slate-700">
            {t("previousSecret", { until: format.dateTime(endpoint.previousSecretUntil) })}
          </p>
        ) : null}
        <div className="flex flex-wrap items-start gap-3">
          <ActionButtonForm action={manage("test")} label={t("test")} pendingLabel={t("testing")} />
          {endpoint.pausedAt ? (
            <ActionButtonForm
              action={manage("resume")}
              label={t("resume")}
              pendingLabel={t("working")}
            />
          ) : (
            <ConfirmActionForm
              action={manage("pause")}
              label={t("pause")}
              pendingLabel={t("working")}
              words={{
                title: t("pauseConfirm.title"),
                stops: t("pauseConfirm.body"),
                confirm: t("pause"),
              }}
            />
          )}
          <RotateSecret action={manage("rotate")} />
          <ConfirmActionForm
            action={manage("delete")}
            label={t("delete")}
            pendingLabel={t("working")}
            words={{
              title: t("deleteConfirm.title"),
              stops: t("deleteConfirm.body"),
              confirm: t("delete"),
            }}
          />
        </div>
      </section>
      <section aria-labelledby="edit-heading" className={card}>
        <h2 id="edit-heading" className="text-lg font-semibold">
          {t("edit")}
        </h2>
        <EndpointForm
          action={changeRelayEndpointAction.bind(null, endpoint.id)}
          initial={endpoint}
          submitLabel={t("save")}
        />
      </section>
      <section aria-labelledby="log-heading" className={card}>
        <h2 id="log-heading" className="text-lg font-semibold">
          {t("log.title")}
        </h2>
        <DeliveryLog rows={log} replay={manage("replay")} />
      </section>
    </div>
  );
}
