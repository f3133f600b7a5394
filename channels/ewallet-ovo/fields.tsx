import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { AmountField, CustomerEmailField, DescriptionField } from "../shared/common-fields";
import type { BindField, FieldsContext } from "../shared/view-types";

export function OvoFields({ field, context }: { field: BindField; context: FieldsContext }) {
  const t = useTranslations("channels.ewallet-ovo.fields");
  const tPayment = useTranslations("payment.fields");
  return (
    <>
      <AmountField field={field} context={context} />
      <Field
        {...field("customerPhone")}
        label={tPayment("customerPhone")}
        type="tel"
        inputMode="tel"
        autoComplete="off"
        required
        hint={t("phoneHint")}
      />
      <CustomerEmailField field={field} optional />
      <DescriptionField field={field} max={255} />
    </>
  );
}
