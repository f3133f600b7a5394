import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import {
  DeliveryMode,
  OutcomeBadge,
  SignatureVerdict,
} from "@/components/callbacks/delivery-labels";
import { StatusBadge } from "@/components/transactions/status-badge";
import { can } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { actingMode } from "@/lib/gateway/config";
import { getFormatter } from "@/lib/i18n/server";
import { describeRecordedNote } from "@/lib/i18n/recorded-note";
import { getDeliveryForViewer } from "@/lib/webhooks/delivery-log";
import { describeRawBody } from "@/lib/webhooks/raw-body";
import { isHeld } from "@/lib/webhooks/replay";
import { manageDeliveryAction } from "./actions";
import { RawBody } from "./_components/raw-body-view";
import { RelatedDeliveries } from "./_components/related-deliveries";
import { ReplayPanel } from "./_components/replay-panel";
import { ResolvePanel } from "./_components/resolve-panel";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("callbacks.detail"))("pageTitle") };
}

export default async function CallbackDeliveryPage({ params }: Props) {
  const user = await requirePageUser("callbacks:read");
  const id = (await params).id;
  const detail = await getDeliveryForViewer(id, user, await actingMode(user));
  if (!detail) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const { delivery, transaction } = detail;
  // Only a signed delivery of a mode can be run again; unverified junk never.
  const manageable = can(user.role, "callbacks:manage") && delivery.signatureValid && delivery.mode;
  // Rendered while resolved too, so its own success message survives the page's refresh.
  const resolvable = manageable && isHeld(delivery);
  const facts: [string, ReactNode][] = [
    [t("callbacks.detail.received"), format.dateTime(delivery.receivedAt)],
    [t("callbacks.detail.mode"), <DeliveryMode key="m" mode={delivery.mode} />],
    [
      t("callbacks.detail.deliveryId"),
      <span key="d" className="font-mono text-xs break-all">
        {delivery.deliveryId ?? t("callbacks.detail.noDeliveryId")}
      </span>,
    ],
    [
      t("callbacks.detail.status"),
      <span key="s" className="font-mono text-xs break-all">
        {delivery.rawStatus ?? "—"}
      </span>,
    ],
    [t("callbacks.detail.signature"), <SignatureVerdict key="v" delivery={delivery} />],
    [
      t("callbacks.detail.uuid"),
      <span key="u" className="font-mono text-xs break-all">
        {delivery.purwantaraUuid ?? "—"}
      </span>,
    ],
    [
      t("callbacks.detail.transaction"),
      transaction ? (
        <span key="t" className="inline-flex flex-wrap items-center gap-2">
          <Link href={`/transactions/${transaction.id}`} className="text-brand-700 hover:underline">
            {transaction.title ?? t("callbacks.untitledTransaction")}
          </Link>
          <StatusBadge state={transaction.state} rawStatus={transaction.rawStatus} />
        </span>
      ) : (
        t("callbacks.noTransaction")
      ),
    ],
  ];
  if (delivery.replayOf) {
    facts.push([
      t("callbacks.detail.replayOf"),
      <Link
        key="r"
        href={`/callbacks/${delivery.replayOf}`}
        className="text-brand-700 hover:underline"
      >
        {t("callbacks.detail.replayOfLink")}
      </Link>,
    ]);
  }
  const bound = (kind: Parameters<typeof manageDeliveryAction>[1]) =>
    manageDeliveryAction.bind(null, delivery.id, kind);
  return (
    <div className="max-w-5xl space-y-5">
      <Link
        href="/callbacks"
        className="inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline"
      >
        {t("callbacks.detail.back")}
      </Link>
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold tracking-tight sm:text-2xl">
          {t("callbacks.detail.title")}
        </h1>
        <OutcomeBadge outcome={delivery.outcome} resolution={delivery.resolution} />
      </header>
      <section
        aria-labelledby="facts-heading"
        className="rounded-xl bg-white p-5 ring-1 ring-slate-200"
      >
        <h2 id="facts-heading" className="mb-3 text-sm font-semibold text-slate-900">
          {t("callbacks.detail.facts")}
        </h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          {facts.map(([label, value]) => (
            <div key={label} className="min-w-0">
              <dt className="text-slate-600">{label}</dt>
              <dd className="font-medium break-words text-slate-900">{value}</dd>
            </div>
          ))}
          <div className="min-w-0 sm:col-span-2">
            <dt className="text-slate-600">{t("callbacks.detail.reason")}</dt>
            <dd className="font-medium break-words text-slate-900">
              {delivery.reason ? describeRecordedNote(t, format, delivery.reason) : "—"}
            </dd>
          </div>
          {delivery.resolution ? (
            <div className="min-w-0 sm:col-span-2">
              <dt className="text-slate-600">{t("callbacks.detail.resolutionTitle")}</dt>
              <dd className="break-words text-slate-900">
                <OutcomeBadge outcome={delivery.outcome} resolution={delivery.resolution} />{" "}
                <span className="text-slate-700">
                  {t("callbacks.detail.resolvedAt", { time: format.dateTime(delivery.resolvedAt) })}
                </span>
                {delivery.resolutionNote ? (
                  <span className="mt-1 block">
                    {t("callbacks.detail.resolutionNote")}: {delivery.resolutionNote}
                  </span>
                ) : null}
              </dd>
            </div>
          ) : null}
        </dl>
      </section>
      {resolvable ? (
        <ResolvePanel
          resolved={Boolean(delivery.resolution)}
          previewAccept={bound("previewAccept")}
          accept={bound("accept")}
          dismiss={bound("dismiss")}
        />
      ) : null}
      {manageable ? <ReplayPanel dryRun={bound("dryRun")} apply={bound("replay")} /> : null}
      <RawBody view={describeRawBody(delivery.rawBody)} />
      <HeadersTable headers={delivery.headers} />
      <RelatedDeliveries siblings={detail.siblings} replays={detail.replays} format={format} />
    </div>
  );
}

async function HeadersTable({ headers }: { headers: Record<string, string> }) {
  const t = await getTranslations("callbacks.detail");
  const entries = Object.entries(headers).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section
      aria-labelledby="headers-heading"
      className="rounded-xl bg-white p-5 ring-1 ring-slate-200"
    >
      <h2 id="headers-heading" className="mb-3 text-sm font-semibold text-slate-900">
        {t("headers")}
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-700">{t("noHeaders")}</p>
      ) : (
        <dl className="divide-y divide-slate-100 text-sm">
          {entries.map(([name, value]) => (
            <div key={name} className="grid gap-1 py-2 sm:grid-cols-[14rem_1fr] sm:gap-4">
              <dt className="font-mono text-xs break-all text-slate-600">{name}</dt>
              <dd className="font-mono text-xs break-all text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
