import { Column, Link, Row, Section, Text } from "@react-email/components";
import { formatMoney } from "@/lib/format";
import type { FigureLine } from "@/lib/notices/figures";
import type { NoticeContext } from "./notices";

const cell = { fontSize: "14px", lineHeight: "20px", color: "#1f2937", margin: "2px 0" };

/**
 * A money table for the recap and statement: one row per group and a total, each
 * figure linking to its list. Unknown fees are said as a count, never as zero.
 */
export function figureTable(
  ctx: NoticeContext,
  lines: FigureLine[],
  total: FigureLine,
  name: (line: FigureLine) => string,
) {
  const money = (v: string) => formatMoney(v, ctx.locale);
  const row = (label: string, l: FigureLine, key: string) => (
    <Row key={key}>
      <Column>
        <Text style={cell}>
          <Link href={l.link}>{label}</Link>
        </Text>
        <Text style={{ ...cell, color: "#4b5563", fontSize: "13px" }}>
          {ctx.t("recap.line", {
            count: l.paidCount,
            amount: money(l.paidAmount),
            fees: money(l.fees),
            net: money(l.net),
          })}
          {l.unknownFeeCount > 0
            ? ` ${ctx.t("recap.unknownFees", { count: l.unknownFeeCount })}`
            : ""}
        </Text>
      </Column>
    </Row>
  );
  return (
    <Section>
      {lines.length === 0 ? <Text style={cell}>{ctx.t("recap.nothing")}</Text> : null}
      {lines.map((l, i) => row(name(l), l, String(i)))}
      {row(ctx.t("recap.total"), total, "total")}
    </Section>
  );
}

/** Label, value and the list behind it, one per line. */
export function moneyLines(
  _ctx: NoticeContext,
  lines: { label: string; value: string; href: string }[],
) {
  return lines.map((l) => (
    <Text key={l.label} style={cell}>
      <Link href={l.href}>{l.label}</Link>: {l.value}
    </Text>
  ));
}
