import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SetupForm } from "@/components/auth/setup-form";
import { hasAnyAccount } from "@/lib/auth/accounts";
import { createFirstAdminAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("setup"))("pageTitle") };
}

/** Exists only while the database has no account at all. */
export default async function SetupPage() {
  if (await hasAnyAccount()) notFound();
  const t = await getTranslations("setup");
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">{t("title")}</h1>
      <p className="mb-5 text-sm text-slate-600">{t("subtitle")}</p>
      <SetupForm action={createFirstAdminAction} />
    </>
  );
}
