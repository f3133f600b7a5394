import type { ReactElement } from "react";
import { Link, Section, Text } from "@react-email/components";
import { formatDateTime, formatDay, formatMonth, formatMoney } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import type { TimeZone } from "@/lib/core/time";
import { paragraph } from "./layout";
import { figureTable, moneyLines } from "./figure-table";

/** The `email` namespace's translator, keyed by strings (the keys are checked by check:messages). */
type T = (key: string, values?: Record<string, string | number>) => string;

/** What a template gives the frame: subject, preview, heading, body and an optional button. */
export type Parts = {
  subject: string;
  preview: string;
  heading: string;
  element: ReactElement;
  action?: { label: string; href: string };
};

export type NoticeContext = {
  t: T;
  locale: Locale;
  zone: TimeZone;
  business: string;
  data: Record<string, string>;
  appUrl: string;
  channelName: (channel: string | undefined) => string;
};

const muted = { ...paragraph, color: "#4b5563", fontSize: "13px" };

function modeNote(ctx: NoticeContext) {
  return ctx.data.mode === "test" ? <Text style={muted}>{ctx.t("notice.testMode")}</Text> : null;
}

/** The words of one notice (its own email, or a digest's line). */
export function noticeText(ctx: NoticeContext, data: Record<string, string>): string {
  const values = {
    amount: formatMoney(data.amount ?? "0", ctx.locale),
    channel: data.channel ? ctx.channelName(data.channel) : "",
    title: data.title || data.reference || "",
    at: formatDateTime(data.at ?? null, ctx.locale, ctx.zone),
    day: data.day ? formatDay(data.day, ctx.locale) : "",
    device: data.device ?? "",
  };
  return ctx.t(`notice.${data.kind ?? "payment_paid"}.line`, values);
}

export function noticeParts(ctx: NoticeContext): Parts {
  const kind = ctx.data.kind ?? "payment_paid";
  const line = noticeText(ctx, ctx.data);
  const subject = ctx.t(`notice.${kind}.subject`, {
    business: ctx.business,
    amount: formatMoney(ctx.data.amount ?? "0", ctx.locale),
  });
  return {
    subject: ctx.data.mode === "test" ? `[TEST] ${subject}` : subject,
    preview: line,
    heading: ctx.t(`notice.${kind}.heading`),
    element: (
      <>
        <Text style={paragraph}>{line}</Text>
        {ctx.data.reference ? (
          <Text style={paragraph}>{ctx.t("notice.reference", { ref: ctx.data.reference })}</Text>
        ) : null}
        {modeNote(ctx)}
        <Text style={muted}>{ctx.t("notice.preferences")}</Text>
      </>
    ),
    action: ctx.data.path
      ? { label: ctx.t("notice.open"), href: `${ctx.appUrl}${ctx.data.path}` }
      : undefined,
  };
}

export function digestParts(ctx: NoticeContext): Parts {
  const lines = JSON.parse(ctx.data.lines ?? "[]") as Record<string, string>[];
  const count = Number(ctx.data.count ?? lines.length);
  const subject = ctx.t("digest.subject", { business: ctx.business, count });
  return {
    subject: ctx.data.scope === "test" ? `[TEST] ${subject}` : subject,
    preview: ctx.t("digest.heading", { count }),
    heading: ctx.t("digest.heading", { count }),
    element: (
      <>
        {lines.map((data, i) => (
          <Text key={i} style={paragraph}>
            {data.path ? (
              <Link href={`${ctx.appUrl}${data.path}`}>{noticeText(ctx, data)}</Link>
            ) : (
              noticeText(ctx, data)
            )}
          </Text>
        ))}
        {count > lines.length ? (
          <Text style={muted}>{ctx.t("digest.more", { count: count - lines.length })}</Text>
        ) : null}
        {ctx.data.scope === "test" ? <Text style={muted}>{ctx.t("notice.testMode")}</Text> : null}
        <Text style={muted}>{ctx.t("notice.preferences")}</Text>
      </>
    ),
  };
}

export function recapParts(ctx: NoticeContext): Parts {
  const f = JSON.parse(ctx.data.figures ?? "{}") as import("@/lib/notices/figures").RecapFigures;
  const day = formatDay(f.day, ctx.locale, true);
  const money = (v: string) => formatMoney(v, ctx.locale);
  const subject = ctx.t("recap.subject", { business: ctx.business, day });
  return {
    subject: ctx.data.mode === "test" ? `[TEST] ${subject}` : subject,
    preview: ctx.t("recap.summary", {
      count: f.total.paidCount,
      amount: money(f.total.paidAmount),
    }),
    heading: ctx.t("recap.heading", { day }),
    element: (
      <>
        {figureTable(ctx, f.channels, f.total, (l) => ctx.channelName(l.channel))}
        <Section>
          {moneyLines(ctx, [
            {
              label: ctx.t("recap.refunds", { count: f.refunds.count }),
              value: money(f.refunds.amount),
              href: f.refunds.link,
            },
            {
              label: ctx.t("recap.open", { count: f.open.count }),
              value: money(f.open.amount),
              href: f.open.link,
            },
            { label: ctx.t("recap.review"), value: String(f.review.count), href: f.review.link },
          ])}
        </Section>
        {ctx.data.attach ? <Text style={muted}>{ctx.t("recap.attached")}</Text> : null}
        {modeNote(ctx)}
        <Text style={muted}>{ctx.t("notice.preferences")}</Text>
      </>
    ),
  };
}

export function statementParts(ctx: NoticeContext): Parts {
  const f = JSON.parse(
    ctx.data.figures ?? "{}",
  ) as import("@/lib/notices/figures").StatementFigures;
  const month = formatMonth(f.month.slice(0, 7), ctx.locale);
  const subject = ctx.t("statement.subject", { business: ctx.business, month });
  return {
    subject: ctx.data.mode === "test" ? `[TEST] ${subject}` : subject,
    preview: ctx.t("statement.heading", { month }),
    heading: ctx.t("statement.heading", { month }),
    element: (
      <>
        <Text style={paragraph}>{ctx.t("statement.byChannel")}</Text>
        {figureTable(ctx, f.channels, f.total, (l) => ctx.channelName(l.channel))}
        <Text style={paragraph}>{ctx.t("statement.byDay")}</Text>
        {figureTable(ctx, f.days, f.total, (l) => formatDay(l.day ?? "", ctx.locale))}
        {modeNote(ctx)}
      </>
    ),
  };
}

/** The buyer's receipt: the shop, what was paid, how and when, the reference. Nothing internal. */
export function receiptParts(ctx: NoticeContext): Parts {
  const amount = formatMoney(ctx.data.amount ?? "0", ctx.locale);
  const channel = ctx.data.channel ? ctx.channelName(ctx.data.channel) : "";
  const method = ctx.data.bank ? `${channel} (${ctx.data.bank})` : channel;
  const subject = ctx.t("receipt.subject", { business: ctx.business, amount });
  const rows = [
    [ctx.t("receipt.amount"), amount],
    [ctx.t("receipt.method"), method],
    [ctx.t("receipt.paidAt"), formatDateTime(ctx.data.paidAt ?? null, ctx.locale, ctx.zone)],
    [ctx.t("receipt.reference"), ctx.data.reference ?? ""],
    ...(ctx.data.title ? [[ctx.t("receipt.for"), ctx.data.title]] : []),
  ] as [string, string][];
  return {
    subject: ctx.data.mode === "test" ? `[TEST] ${subject}` : subject,
    preview: ctx.t("receipt.thanks", { business: ctx.business, amount }),
    heading: ctx.t("receipt.heading"),
    element: (
      <>
        <Text style={paragraph}>{ctx.t("receipt.thanks", { business: ctx.business, amount })}</Text>
        {rows.map(([label, value]) => (
          <Text key={label} style={{ ...paragraph, margin: "4px 0" }}>
            <strong>{label}:</strong> {value}
          </Text>
        ))}
        {ctx.data.mode === "test" ? <Text style={muted}>{ctx.t("receipt.testMode")}</Text> : null}
      </>
    ),
  };
}
