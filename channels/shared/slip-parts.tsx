import type { ReactNode } from "react";
import type { QrImage } from "./view-types";

/** A value the buyer types or reads out (a VA number, a code, a link), large on paper. */
export function SlipValue({
  label,
  value,
  large,
}: {
  label: string;
  value: string;
  large?: boolean;
}) {
  return (
    <div>
      <p className="text-sm text-slate-700">{label}</p>
      <p
        className={`font-mono font-semibold break-all text-slate-950 ${large ? "text-2xl tracking-wider" : "text-base"}`}
      >
        {value}
      </p>
    </div>
  );
}

/** The QR drawn on our server, sized to scan from paper or a phone screen. */
export function SlipQr({ qr, label }: { qr: QrImage; label: string }) {
  return (
    // A data: URL made on our server from the payment's own text: never a remote image.
    // eslint-disable-next-line @next/next/no-img-element -- a data: URL; next/image adds nothing
    <img
      src={qr.dataUrl}
      alt={label}
      width={224}
      height={224}
      className="mx-auto size-56 [image-rendering:pixelated] print:size-48"
    />
  );
}

/** Numbered steps under a small heading. */
export function SlipSteps({ title, steps }: { title: string; steps: ReactNode[] }) {
  return (
    <div className="break-inside-avoid">
      <h3 className="text-sm font-semibold text-slate-950">{title}</h3>
      <ol className="mt-1 list-decimal space-y-0.5 pl-5 text-sm text-slate-800">
        {steps.map((step, i) => (
          <li key={i}>{step}</li>
        ))}
      </ol>
    </div>
  );
}
