import "server-only";
import QRCode from "qrcode";
import type { QrImage } from "./view-types";

/** Drawn here from the payment's own text, big enough to scan across a counter or from paper. */
export async function qrImage(text: string | null | undefined): Promise<QrImage | null> {
  if (!text) return null;
  const dataUrl = await QRCode.toDataURL(text, {
    width: 576,
    margin: 2,
    errorCorrectionLevel: "M",
  });
  return { dataUrl, text };
}
