import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { hasAnyAccount } from "@/lib/auth/accounts";
import { getCurrentUser } from "@/lib/auth/session";
import { signInAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("pageTitle") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next } = await searchParams;
  if (await getCurrentUser()) redirect("/overview");
  if (!(await hasAnyAccount())) redirect("/setup");
  const t = await getTranslations("login");
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">{t("title")}</h1>
      <p className="mb-5 text-sm text-slate-600">{t("subtitle")}</p>
      <LoginForm action={signInAction} next={typeof next === "string" ? next : "/overview"} />
    </>
  );
}
