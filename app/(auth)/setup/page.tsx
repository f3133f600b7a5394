import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasAnyAccount } from "@/lib/auth/accounts";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up" };

/** Exists only while the database has no account at all. */
export default async function SetupPage() {
  if (await hasAnyAccount()) notFound();
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Create the first account</h1>
      <p className="mb-5 text-sm text-slate-600">
        This account is the admin: it can create payments and, later, add your team.
      </p>
      <SetupForm />
    </>
  );
}
