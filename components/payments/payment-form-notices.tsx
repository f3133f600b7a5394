"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button-class";

const noteClass = "space-y-2 rounded-md px-3 py-2 text-sm ring-1";

/** Back to a form that already made its payment: where that payment is. */
export function JustCreatedNotice({ id }: { id: string }) {
  const t = useTranslations("flows");
  return (
    <div role="status" className={`${noteClass} bg-amber-50 text-amber-950 ring-amber-200`}>
      <p>{t("justCreated")}</p>
      <Link href={`/transactions/${id}`} className="font-semibold underline underline-offset-2">
        {t("justCreatedLink")}
      </Link>
    </div>
  );
}

/** What was typed before, brought back; and a way to start from empty instead. */
export function DraftNotice({ onDiscard }: { onDiscard: () => void }) {
  const t = useTranslations("flows.draft");
  return (
    <div
      role="status"
      className={`${noteClass} flex flex-wrap items-center justify-between gap-2 bg-slate-50 text-slate-800 ring-slate-200`}
    >
      <p>{t("restored")}</p>
      <button type="button" onClick={onDiscard} className={buttonClass("ghost")}>
        {t("discard")}
      </button>
    </div>
  );
}

/**
 * A payment like this one was just made (the alert above says when): open it, or send
 * the form again saying "yes, another one" (the button's name and value travel with it).
 */
export function RepeatNotice({ id }: { id: string }) {
  const t = useTranslations("flows.repeat");
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
      <Link href={`/transactions/${id}`} className={buttonClass("primary")}>
        {t("open")}
      </Link>
      <button type="submit" name="confirmRepeatOf" value={id} className={buttonClass("secondary")}>
        {t("confirm")}
      </button>
    </div>
  );
}
