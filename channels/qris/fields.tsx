import { useTranslations } from "next-intl";
import { useFormat } from "@/components/format/use-format";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { qrisAcquirers, qrisMaxAmount } from "@/channels/qris/gateway";
import { paymentName } from "@/lib/i18n/payment-name";
import {
  CustomerEmailField,
  CustomerNameField,
  CustomerPhoneField,
  DescriptionField,
} from "../shared/common-fields";
import type { BindField, FieldsContext } from "../shared/view-types";

export function QrisFields({ field, context }: { field: BindField; context: FieldsContext }) {
  const t = useTranslations("channels.qris.fields");
  const tPayment = useTranslations("payment.fields");
  const tAll = useTranslations();
  const format = useFormat();
  const acquirer = field("paymentChannel");
  const chosen = acquirer.defaultValue ?? context.values?.paymentChannel ?? qrisAcquirers[0];
  return (
    <>
      <div className="space-y-1">
        <SelectField
          // Remounted when the value comes back from the server, so a reset form keeps it.
          key={chosen}
          name={acquirer.name}
          label={t("acquirer")}
          error={acquirer.error}
          defaultValue={chosen}
          required
          options={qrisAcquirers.map((code) => ({ value: code, label: paymentName(tAll, code) }))}
        />
        <p className="text-xs text-slate-600">{t("acquirerHint")}</p>
      </div>
      <Field
        {...field("amount")}
        label={tPayment("amount")}
        prefix="Rp"
        inputMode="numeric"
        required
        placeholder="150.000"
        hint={t("amountHint", { min: context.minAmount, max: format.money(qrisMaxAmount) })}
      />
      <DescriptionField field={field} max={255} />
      <CustomerNameField field={field} />
      <CustomerEmailField field={field} />
      <CustomerPhoneField field={field} />
    </>
  );
}
