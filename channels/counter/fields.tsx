import { useTranslations } from "next-intl";
import { ClosedAmountFields } from "../closed-amount/fields";
import type { BindField, FieldsContext } from "../shared/view-types";

export function CounterFields({ field, context }: { field: BindField; context: FieldsContext }) {
  const t = useTranslations("channels.counter.fields");
  return (
    <ClosedAmountFields
      field={field}
      context={context}
      nameLabel={t("name")}
      nameHint={t("nameHint")}
    />
  );
}
