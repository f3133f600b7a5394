import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Toaster } from "@/components/ui/toaster";
import "./globals.css";

// Every screen shows live, per-user data from the database: nothing is prerendered.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Purwantara Dashboard", template: "%s · Purwantara Dashboard" },
  description: "Create payments and follow every rupiah through Purwantara.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Toaster>{children}</Toaster>
      </body>
    </html>
  );
}
