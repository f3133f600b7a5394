"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { OutcomeBadge } from "@/components/callbacks/delivery-labels";
import { useFormat } from "@/components/format/use-format";
import type { TransactionState } from "@/db/schema";
import { paymentName } from "@/lib/i18n/payment-name";
import { describeRecordedNote } from "@/lib/i18n/recorded-note";
import type { ReplayResult } from "@/lib/webhooks/replay";

/** What a replay did, or would do: outcome, transaction, state move, fields and flags. */
export function ReplayResultView({ result, title }: { result: ReplayResult; title: string }) {
  const t = useTranslations("callbacks");
  const tStatus = useTranslations("status");
  const format = useFormat();
  const tAll = useTranslations();
  const tFields = useTranslations("callbacks.fields");
  const tFlags = useTranslations("callbacks.flags");
  // A column or flag the catalogue does not name yet shows as itself.
  const field = (name: string) =>
    tFields.has(name as Parameters<typeof tFields>[0])
      ? tFields(name as Parameters<typeof tFields>[0])
      : name;
  const flag = (name: string) =>
    tFlags.has(name as Parameters<typeof tFlags>[0])
      ? tFlags(name as Parameters<typeof tFlags>[0])
      : name;
  // Codes in words: the bank or channel by its name, a state by its label.
  const value = (name: string, text: string | null, time: boolean) => {
    if (text === null) return "—";
    if (time) return format.dateTime(text);
    if (name === "paymentChannel" || name === "bank") return paymentName(tAll, text);
    if (name === "state" && tStatus.has(text as TransactionState))
      return tStatus(text as TransactionState);
    return text;
  };
  const tx = result.transaction;
  return (
    <section
      aria-label={title}
      className="space-y-3 rounded-lg bg-slate-50 p-3 text-sm ring-1 ring-slate-200"
    >
      <h3 className="font-semibold text-slate-900">{title}</h3>
      <dl className="grid gap-2 sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-600">{t("replay.outcome")}</dt>
        <dd>
          <OutcomeBadge outcome={result.outcome} />
        </dd>
        {result.reason ? (
          <>
            <dt className="text-slate-600">{t("replay.reason")}</dt>
            <dd className="break-words text-slate-900">
              {describeRecordedNote(tAll, format, result.reason)}
            </dd>
          </>
        ) : null}
        <dt className="text-slate-600">{t("replay.transaction")}</dt>
        <dd className="break-words">
          {tx ? (
            <>
              <Link href={`/transactions/${tx.id}`} className="text-brand-700 hover:underline">
                {tx.title ?? t("untitledTransaction")}
              </Link>
              {tx.created ? (
                <span className="block text-slate-700">
                  {t(result.committed ? "replay.createdDone" : "replay.created")}
                </span>
              ) : null}
            </>
          ) : (
            t("replay.noTransaction")
          )}
        </dd>
        {result.state ? (
          <>
            <dt className="text-slate-600">{t("replay.state")}</dt>
            <dd className="font-medium text-slate-900">
              {result.state.from
                ? t("replay.stateMove", {
                    from: tStatus(result.state.from),
                    to: tStatus(result.state.to),
                  })
                : t("replay.stateNew", { to: tStatus(result.state.to) })}
            </dd>
          </>
        ) : null}
        {result.flagsAdded.length > 0 ? (
          <>
            <dt className="text-slate-600">{t("replay.flagsAdded")}</dt>
            <dd>{result.flagsAdded.map(flag).join(", ")}</dd>
          </>
        ) : null}
        {result.flagsRemoved.length > 0 ? (
          <>
            <dt className="text-slate-600">{t("replay.flagsRemoved")}</dt>
            <dd>{result.flagsRemoved.map(flag).join(", ")}</dd>
          </>
        ) : null}
      </dl>
      {tx && !tx.created ? (
        result.changes.length === 0 ? (
          <p className="text-slate-700">{t("replay.noChanges")}</p>
        ) : (
          <div>
            <h4 className="mb-1 font-medium text-slate-900">{t("replay.changes")}</h4>
            <ul className="space-y-1.5">
              {result.changes.map((c) => (
                <li key={c.field} className="rounded bg-white px-2 py-1.5 ring-1 ring-slate-200">
                  <span className="font-medium text-slate-900">{field(c.field)}</span>
                  <span className="block break-all text-slate-700">
                    {t("replay.before")}: {value(c.field, c.before, c.time)}
                  </span>
                  <span className="block break-all text-slate-900">
                    {t("replay.after")}: {value(c.field, c.after, c.time)}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )
      ) : null}
      {result.replayId ? (
        <p>
          <Link href={`/callbacks/${result.replayId}`} className="text-brand-700 hover:underline">
            {t("replay.openNew")}
          </Link>
        </p>
      ) : null}
      {result.resolution === "replayed" ? (
        <p className="text-slate-700">{t("replay.resolvedByReplay")}</p>
      ) : null}
    </section>
  );
}
