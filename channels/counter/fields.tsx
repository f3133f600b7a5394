import { useTranslations } from "next-intl";
import { CountedField } from "@/components/ui/counted-field";
import { AmountField, DescriptionField, ExpiryField } from "../shared/common-fields";
import type { BindField, FieldsContext } from "../shared/view-types";

export function CounterFields({ field, context }: { field: BindField; context: FieldsContext }) {
  const t = useTranslations("channels.counter.fields");
  return (
    <>
      <CountedField
        {...field("name")}
        label={t("name")}
        required
        maxLength={255}
        autoComplete="off"
        hint={t("nameHint")}
      />
      <AmountField field={field} context={context} />
      <DescriptionField field={field} />
      <ExpiryField field={field} context={context} />
    </>
  );
}
