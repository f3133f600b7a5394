import {
  AmountField,
  CustomerEmailField,
  CustomerNameField,
  CustomerPhoneField,
  DescriptionField,
  ReturnUrlField,
} from "../shared/common-fields";
import type { BindField, FieldsContext } from "../types";

export function ShopeepayFields({ field, context }: { field: BindField; context: FieldsContext }) {
  return (
    <>
      <AmountField field={field} context={context} />
      <CustomerNameField field={field} />
      <CustomerEmailField field={field} />
      <CustomerPhoneField field={field} />
      <DescriptionField field={field} max={255} />
      <ReturnUrlField field={field} />
    </>
  );
}
