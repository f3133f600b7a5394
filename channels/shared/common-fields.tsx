import { useTranslations } from "next-intl";
import { CountedField } from "@/components/ui/counted-field";
import { Field } from "@/components/ui/field";
import { dateTimeText } from "@/lib/core/day-text";
import type { BindField, FieldsContext } from "./view-types";

/** Amount in whole rupiah, with the channel's minimum in the hint. */
export function AmountField({ field, context }: { field: BindField; context: FieldsContext }) {
  const t = useTranslations("payment.fields");
  return (
    <Field
      {...field("amount")}
      label={t("amount")}
      prefix="Rp"
      inputMode="numeric"
      required
      placeholder="150.000"
      hint={t("amountHint", { min: context.minAmount })}
    />
  );
}

/** The channel's own limit: 255 where Purwantara takes no more, else 1000. */
export function DescriptionField({ field, max = 1000 }: { field: BindField; max?: number }) {
  const t = useTranslations("payment.fields");
  return <CountedField {...field("description")} label={t("description")} maxLength={max} />;
}

/**
 * When the payment stops accepting money, typed as dd/mm/yyyy hh:mm in the person's
 * zone whatever the browser's language (a native picker would follow the browser).
 */
export function ExpiryField({ field, context }: { field: BindField; context: FieldsContext }) {
  const t = useTranslations("payment.fields");
  const tDates = useTranslations("flows.dates");
  const bound = field("expiresAt");
  return (
    <Field
      {...bound}
      label={t("expiresAt", { zone: context.zoneName })}
      inputMode="numeric"
      autoComplete="off"
      placeholder={tDates("dateTimePlaceholder")}
      required
      hint={tDates("dateTimeFormat", { zone: context.zoneName })}
      defaultValue={dateTimeText(bound.defaultValue ?? context.defaultExpiry)}
    />
  );
}

export function ReturnUrlField({ field }: { field: BindField }) {
  const t = useTranslations("payment.fields");
  return (
    <Field
      {...field("returnUrl")}
      label={t("returnUrl")}
      type="url"
      inputMode="url"
      placeholder="https://shop.example/thanks"
      hint={t("returnUrlHint")}
    />
  );
}

export function CustomerPhoneField({ field }: { field: BindField }) {
  const t = useTranslations("payment.fields");
  return (
    <Field
      {...field("customerPhone")}
      label={t("customerPhone")}
      type="tel"
      inputMode="tel"
      autoComplete="off"
      required
      hint={t("customerPhoneHint")}
    />
  );
}

export function CustomerEmailField({ field, optional }: { field: BindField; optional?: boolean }) {
  const t = useTranslations("payment.fields");
  return (
    <Field
      {...field("customerEmail")}
      label={t(optional ? "customerEmailOptional" : "customerEmail")}
      type="email"
      inputMode="email"
      autoComplete="off"
      required={!optional}
    />
  );
}

export function CustomerNameField({ field }: { field: BindField }) {
  const t = useTranslations("payment.fields");
  return (
    <CountedField
      {...field("customerName")}
      label={t("customerName")}
      autoComplete="off"
      required
      maxLength={255}
    />
  );
}
