import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { wibInputValueFromNow } from "@/lib/payments/time";
import { PaymentLinkForm } from "./payment-link-form";

export const metadata: Metadata = { title: "New payment link" };

export default async function NewPaymentLinkPage() {
  await requirePageUser("payments:create");
  return (
    <div className="max-w-xl space-y-5">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">New payment link</h1>
        <p className="text-sm text-slate-600">A hosted page where the buyer picks how to pay.</p>
      </header>
      <div className="rounded-xl bg-white p-6 shadow-xs ring-1 ring-slate-200">
        <PaymentLinkForm
          idempotencyKey={randomUUID()}
          defaultExpiry={wibInputValueFromNow(24 * 60 * 60 * 1000)}
        />
      </div>
    </div>
  );
}
