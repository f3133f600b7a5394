"use client";

import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";

/** An endpoint's signing secret, shown once after it is made or rotated. */
export function SecretOnce({ secret }: { secret: string }) {
  const t = useTranslations("relay");
  const tCommon = useTranslations("common");
  return (
    <div className="ring-brand-200 space-y-2 rounded-md bg-brand-50 p-3 ring-1">
      <label htmlFor="relay-secret" className="block text-sm font-medium text-slate-900">
        {t("secret.label")}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="relay-secret"
          readOnly
          value={secret}
          className="min-h-11 w-full min-w-0 rounded-md bg-white px-3 font-mono text-xs ring-1 ring-slate-300"
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton
          value={secret}
          labels={{ idle: tCommon("copy"), done: tCommon("copied"), failed: tCommon("copyFailed") }}
        />
      </div>
      <p className="text-xs text-slate-700">{t("secret.once")}</p>
    </div>
  );
}
