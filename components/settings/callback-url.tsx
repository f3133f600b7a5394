"use client";

import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";

export function CallbackUrl({ url }: { url: string }) {
  const t = useTranslations("settings.callback");
  const tCommon = useTranslations("common");
  return (
    <div className="space-y-1.5">
      <label htmlFor="callback-url" className="block text-sm font-medium text-slate-800">
        {t("label")}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="callback-url"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="min-h-11 w-full min-w-0 rounded-md bg-slate-50 px-3 font-mono text-sm ring-1 ring-slate-300"
        />
        <CopyButton
          value={url}
          labels={{ idle: tCommon("copy"), done: tCommon("copied"), failed: tCommon("copyFailed") }}
        />
      </div>
    </div>
  );
}
