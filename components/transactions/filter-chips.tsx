"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/components/format/use-format";
import { paymentName } from "@/lib/i18n/payment-name";
import { resolveDateRange } from "@/lib/core/transaction-filter/range";
import { type TransactionFilter } from "@/lib/core/transaction-filter/vocabulary";
import { isTimeZone, defaultTimeZone, timeZones } from "@/lib/core/time";

export function FilterChips({
  filter,
  creators,
  onChange,
}: {
  filter: TransactionFilter;
  creators: { id: string; name: string }[];
  onChange: (next: TransactionFilter) => void;
}) {
  const t = useTranslations("filters");
  const tStatus = useTranslations("status");
  const tChannel = useTranslations("channel");
  const tFlags = useTranslations("flags");
  const tAll = useTranslations();
  const format = useFormat();
  const zone = isTimeZone(format.zone) ? format.zone : defaultTimeZone;
  const chips: { key: string; label: string; next: TransactionFilter }[] = [];
  if (filter.status.length) {
    chips.push({
      key: "status",
      label: t("chip.status", { value: filter.status.map((s) => tStatus(s)).join(", ") }),
      next: { ...filter, status: [] },
    });
  }
  if (filter.includeNotCreated) {
    chips.push({
      key: "include",
      label: t("chip.notCreated"),
      next: { ...filter, includeNotCreated: false },
    });
  }
  if (filter.channel.length) {
    chips.push({
      key: "channel",
      label: t("chip.channel", { value: filter.channel.map((c) => tChannel(c)).join(", ") }),
      next: { ...filter, channel: [] },
    });
  }
  if (filter.bank.length) {
    chips.push({
      key: "bank",
      label: t("chip.bank", { value: filter.bank.map((b) => paymentName(tAll, b)).join(", ") }),
      next: { ...filter, bank: [] },
    });
  }
  const on = t(`onChoices.${filter.on}`);
  if (filter.period) {
    chips.push({
      key: "period",
      label: t("chip.period", { on, value: t(`periods.${filter.period}`) }),
      next: { ...filter, period: null },
    });
  } else if (filter.from || filter.to) {
    const range = resolveDateRange(filter, zone);
    chips.push({
      key: "range",
      label: t("chip.range", {
        on,
        from: range.start ? format.date(range.start) : "…",
        to: filter.to ? format.date(new Date((range.end?.getTime() ?? 0) - 1)) : "…",
      }),
      next: { ...filter, from: null, to: null },
    });
  }
  if (filter.zone && filter.zone !== zone && (filter.period || filter.from || filter.to)) {
    chips.push({
      key: "zone",
      label: t("chip.zone", { zone: timeZones[filter.zone].abbreviation }),
      next: { ...filter, zone: null },
    });
  }
  if (filter.min) {
    chips.push({
      key: "min",
      label: t("chip.min", { amount: format.money(filter.min) }),
      next: { ...filter, min: null },
    });
  }
  if (filter.max) {
    chips.push({
      key: "max",
      label: t("chip.max", { amount: format.money(filter.max) }),
      next: { ...filter, max: null },
    });
  }
  if (filter.by) {
    const name = creators.find((c) => c.id === filter.by)?.name ?? filter.by.slice(0, 8);
    chips.push({ key: "by", label: t("chip.by", { name }), next: { ...filter, by: null } });
  }
  for (const flag of filter.flag) {
    chips.push({
      key: `flag-${flag}`,
      label: t("chip.flag", { value: tFlags(flag) }),
      next: { ...filter, flag: filter.flag.filter((f) => f !== flag) },
    });
  }
  for (const refund of filter.refund) {
    chips.push({
      key: `refund-${refund}`,
      label: t("chip.refund", { value: t(`refunds.${refund}`) }),
      next: { ...filter, refund: filter.refund.filter((f) => f !== refund) },
    });
  }
  if (filter.q)
    chips.push({ key: "q", label: t("chip.q", { value: filter.q }), next: { ...filter, q: "" } });
  if (chips.length === 0) return null;
  return (
    <ul aria-label={t("active")} className="flex flex-wrap gap-2">
      {chips.map((chip) => (
        <li key={chip.key}>
          <button
            type="button"
            onClick={() => onChange(chip.next)}
            aria-label={t("remove", { label: chip.label })}
            className="inline-flex min-h-11 max-w-full items-center gap-1.5 rounded-full bg-brand-50 px-3 text-sm text-brand-700 ring-1 ring-brand-100 hover:bg-brand-100 focus-visible:outline-2 focus-visible:outline-brand-500 md:min-h-8"
          >
            <span className="truncate">{chip.label}</span>
            <svg
              aria-hidden
              viewBox="0 0 24 24"
              className="size-4 shrink-0"
              fill="none"
              stroke="currentColor"
            >
              <path strokeWidth={2} strokeLinecap="round" d="M6 6l12 12M18 6L6 18" />
            </svg>
          </button>
        </li>
      ))}
    </ul>
  );
}
