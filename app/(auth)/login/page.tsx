import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { hasAnyAccount } from "@/lib/auth/accounts";
import { getCurrentUser } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { next } = await searchParams;
  if (await getCurrentUser()) redirect("/transactions");
  if (!(await hasAnyAccount())) redirect("/setup");
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
      <p className="mb-5 text-sm text-slate-600">Use the account your admin gave you.</p>
      <LoginForm next={typeof next === "string" ? next : "/transactions"} />
    </>
  );
}
