"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button-class";
import { CopyButton } from "@/components/ui/copy-button";
import type { QrImage } from "./view-types";

/** A value the buyer needs (a link, a VA number, a code), large, with a copy button. */
export function CopyValue({
  label,
  value,
  copyLabel,
  large,
  children,
}: {
  label: string;
  value: string;
  copyLabel: string;
  large?: boolean;
  children?: ReactNode;
}) {
  const t = useTranslations("common");
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <output
        aria-label={label}
        className={`min-w-0 flex-1 rounded-md bg-slate-50 px-3 py-2.5 font-mono break-all ring-1 ring-slate-200 ${
          large ? "text-2xl font-semibold tracking-wider" : "text-sm"
        }`}
      >
        {value}
      </output>
      <div className="grid grid-cols-2 gap-2 sm:flex">
        <CopyButton
          value={value}
          labels={{ idle: copyLabel, done: t("copied"), failed: t("copyFailed") }}
        />
        {children}
      </div>
    </div>
  );
}

/** A QR code drawn on our server, big enough to scan across a counter, with a PNG download. */
export function QrBlock({ qr, label, fileName }: { qr: QrImage; label: string; fileName: string }) {
  const t = useTranslations("handoff");
  return (
    <figure className="flex flex-col items-center gap-3">
      {/* A data: URL made on our server from the payment's own text: never a remote image. */}
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL; next/image adds nothing */}
      <img
        src={qr.dataUrl}
        alt={label}
        width={288}
        height={288}
        className="size-72 max-w-full rounded-lg bg-white p-2 ring-1 ring-slate-200 [image-rendering:pixelated]"
      />
      <a
        href={qr.dataUrl}
        download={fileName}
        className={`${buttonClass("secondary")} print:hidden`}
      >
        {t("downloadQr")}
      </a>
    </figure>
  );
}

/**
 * Share with the buyer: WhatsApp with the details in words, or the printed slip (its own
 * page: the shop, what to pay and how, nothing internal). `children`: more ways (a poster).
 */
export function ShareBar({
  text,
  transactionId,
  children,
}: {
  text: string;
  transactionId: string;
  children?: ReactNode;
}) {
  const t = useTranslations("handoff");
  return (
    <div className="flex flex-wrap items-start gap-2 print:hidden">
      <a
        href={`https://wa.me/?text=${encodeURIComponent(text)}`}
        target="_blank"
        rel="noreferrer"
        className={buttonClass("secondary")}
      >
        {t("whatsapp")}
      </a>
      {children}
      <Link href={`/transactions/${transactionId}/slip`} className={buttonClass("secondary")}>
        {t("print")}
      </Link>
    </div>
  );
}
