import { useTranslations } from "next-intl";
import { CountedField } from "@/components/ui/counted-field";
import {
  AmountField,
  DescriptionField,
  ExpiryField,
  ReturnUrlField,
} from "../shared/common-fields";
import type { BindField, FieldsContext } from "../shared/view-types";

export function PaymentLinkFields({
  field,
  context,
}: {
  field: BindField;
  context: FieldsContext;
}) {
  const t = useTranslations("channels.payment-link.fields");
  return (
    <>
      <CountedField
        {...field("title")}
        label={t("title")}
        required
        maxLength={255}
        hint={t("titleHint")}
      />
      <AmountField field={field} context={context} />
      <DescriptionField field={field} />
      <ExpiryField field={field} context={context} />
      <ReturnUrlField field={field} />
    </>
  );
}
