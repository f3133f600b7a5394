"use client";

import { useTranslations } from "next-intl";

/** The create form's "email a receipt" box; `emailReceiptOffered` says the form showed it. */
export function ReceiptCheckbox({ checked }: { checked: boolean }) {
  const t = useTranslations("payment");
  return (
    <div className="flex min-h-11 items-start gap-3">
      <input type="hidden" name="emailReceiptOffered" value="1" />
      <input
        id="emailReceipt"
        name="emailReceipt"
        type="checkbox"
        defaultChecked={checked}
        aria-describedby="emailReceipt-hint"
        className="mt-0.5 size-5 shrink-0 accent-brand-600"
      />
      <div>
        <label htmlFor="emailReceipt" className="text-sm font-medium text-slate-800">
          {t("emailReceipt")}
        </label>
        <p id="emailReceipt-hint" className="text-xs text-slate-600">
          {t("emailReceiptHint")}
        </p>
      </div>
    </div>
  );
}
