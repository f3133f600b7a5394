import { formatRupiah } from "./format";
import { escapeHtml } from "./html";
import type { Transaction } from "./types";

/** A finder pattern: the square in three corners of every QR code. */
function finder(x: number, y: number): string {
  return `<rect x="${x}" y="${y}" width="56" height="56" fill="#111"/><rect x="${x + 8}" y="${y + 8}" width="40" height="40" fill="#fff"/><rect x="${x + 16}" y="${y + 16}" width="24" height="24" fill="#111"/>`;
}

/**
 * What `qr_url` serves: an image that looks like a QR code and says what it is
 * for, but is not scannable (the emulator has no QR encoder). Pay on the page
 * or the simulator instead; the real payload is `qr_string`.
 */
export function renderQrPlaceholder(tx: Transaction): string {
  const amount = escapeHtml(formatRupiah(tx.amount));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240" role="img" aria-label="QRIS placeholder, ${amount}">
<rect width="240" height="240" fill="#fff"/>
${finder(12, 12)}${finder(172, 12)}${finder(12, 172)}
<text x="120" y="112" font-family="sans-serif" font-size="16" font-weight="700" text-anchor="middle">QRIS (emulator)</text>
<text x="120" y="136" font-family="sans-serif" font-size="14" text-anchor="middle">${amount}</text>
</svg>
`;
}
