import { CountedField } from "@/components/ui/counted-field";
import { AmountField, DescriptionField, ExpiryField } from "../shared/common-fields";
import type { BindField, FieldsContext } from "../shared/view-types";

/** The name on the bill, the amount, a description and the expiry (VA, counter). */
export function ClosedAmountFields({
  field,
  context,
  nameLabel,
  nameHint,
}: {
  field: BindField;
  context: FieldsContext;
  nameLabel: string;
  nameHint: string;
}) {
  return (
    <>
      <CountedField
        {...field("name")}
        label={nameLabel}
        required
        maxLength={255}
        autoComplete="off"
        hint={nameHint}
      />
      <AmountField field={field} context={context} />
      <DescriptionField field={field} />
      <ExpiryField field={field} context={context} />
    </>
  );
}
