import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/select-field";
import { bankCodes } from "@/lib/core/payment-names";
import { paymentName } from "@/lib/i18n/payment-name";
import { ClosedAmountFields } from "../closed-amount/fields";
import type { BindField, FieldsContext } from "../shared/view-types";

export function VirtualAccountFields({
  field,
  context,
}: {
  field: BindField;
  context: FieldsContext;
}) {
  const t = useTranslations("channels.virtual-account.fields");
  const tAll = useTranslations();
  const bank = field("bank");
  const chosen = bank.defaultValue ?? context.values?.bank ?? "";
  return (
    <>
      <SelectField
        // Remounted when the value comes back from the server, so a reset form keeps it.
        key={chosen}
        name={bank.name}
        label={t("bank")}
        error={bank.error}
        defaultValue={chosen}
        required
        options={[
          { value: "", label: t("bankPlaceholder") },
          ...bankCodes.map((code) => ({ value: code, label: paymentName(tAll, code) })),
        ]}
      />
      <ClosedAmountFields
        field={field}
        context={context}
        nameLabel={t("name")}
        nameHint={t("nameHint")}
      />
    </>
  );
}
