import {
  AmountField,
  CustomerEmailField,
  CustomerNameField,
  CustomerPhoneField,
  DescriptionField,
  ReturnUrlField,
} from "./common-fields";
import type { BindField, FieldsContext } from "./view-types";

/** A checkout-page e-wallet's form (ShopeePay, DANA): the buyer, the amount, where to return. */
export function CheckoutWalletFields({
  field,
  context,
}: {
  field: BindField;
  context: FieldsContext;
}) {
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
