import "server-only";
import QRCode from "qrcode";
import sharp from "sharp";
import type { Formatter } from "@/lib/format";
import type { SlipView } from "./slip";

/** The poster's words, already in the reader's language and the merchant's zone. */
export type PosterText = {
  shopName: string | null;
  title: string | null;
  amount: string;
  payWith: string;
  scanWith: string;
  deadline: string | null;
};

/** The poster's words from a QRIS slip: only what the slip may show the buyer. */
export function posterText(
  slip: SlipView,
  words: { payWith: string; scanWith: string; validUntil: (time: string) => string },
  format: Pick<Formatter, "money" | "dateTime">,
): PosterText {
  return {
    shopName: slip.shop.name,
    title: slip.title,
    amount: format.money(slip.amount),
    payWith: words.payWith,
    scanWith: words.scanWith,
    deadline: slip.expiresAt ? words.validUntil(format.dateTime(slip.expiresAt)) : null,
  };
}

/**
 * [chosen] A poster a phone shows full screen and a printer fits on A6: 1080 px wide,
 * the QR 720 px with its quiet zone, each module a whole number of pixels so a camera
 * (and the test's decoder) reads clean edges. Fonts are the system's (DejaVu Sans on
 * Debian, fonts-dejavu-core in the image): nothing is fetched.
 */
const size = { width: 1080, margin: 60, qr: 720, logo: 160 } as const;
const font = "DejaVu Sans, Liberation Sans, Arial, sans-serif";

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Greedy word wrap by characters, at most `lines` lines, the last cut with "…". */
export function wrapText(text: string, perLine: number, lines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let line = "";
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine) line = next;
    else {
      if (line) out.push(line);
      line = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word;
    }
  }
  if (line) out.push(line);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  const last = kept[lines - 1]!;
  kept[lines - 1] = `${last.length >= perLine ? last.slice(0, perLine - 1) : last}…`;
  return kept;
}

/** The QR as one SVG path of whole-pixel squares, with a four-module quiet zone. */
function qrSvg(text: string, x: number, y: number): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const cell = Math.floor(size.qr / (modules.size + 8));
  const side = cell * (modules.size + 8);
  const ox = x + Math.floor((size.qr - side) / 2) + cell * 4;
  const oy = y + Math.floor((size.qr - side) / 2) + cell * 4;
  let path = "";
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++)
      if (modules.get(row, col))
        path += `M${ox + col * cell} ${oy + row * cell}h${cell}v${cell}h-${cell}z`;
  return `<rect x="${x}" y="${y}" width="${size.qr}" height="${size.qr}" fill="#fff"/><path d="${path}" fill="#000" shape-rendering="crispEdges"/>`;
}

type Line = { text: string; px: number; weight?: number; colour?: string; gap?: number };

function textLines(lines: Line[], startY: number): { svg: string; y: number } {
  let y = startY;
  let svg = "";
  for (const line of lines) {
    y += line.px + (line.gap ?? 12);
    svg += `<text x="${size.width / 2}" y="${y}" text-anchor="middle" font-family="${font}" font-size="${line.px}" font-weight="${line.weight ?? 400}" fill="${line.colour ?? "#0f172a"}">${escapeXml(line.text)}</text>`;
  }
  return { svg, y };
}

/** The logo scaled into its square, as PNG, or null when none is set or it won't decode. */
async function logoPng(logo: Buffer | null): Promise<Buffer | null> {
  if (!logo) return null;
  try {
    return await sharp(logo, { limitInputPixels: 24_000_000 })
      .resize(size.logo, size.logo, { fit: "contain", background: "#ffffff00" })
      .png()
      .toBuffer();
  } catch {
    return null;
  }
}

/**
 * The QRIS poster: logo, shop name, what for, amount, the QR and its deadline, drawn as
 * SVG and rasterised by sharp (librsvg) into a PNG. Carries nothing but these facts.
 */
export async function renderQrisPoster(
  text: PosterText,
  qrString: string,
  logo: Buffer | null,
): Promise<Buffer> {
  const logoImage = await logoPng(logo);
  let y = size.margin + (logoImage ? size.logo + 10 : 0);
  const head = textLines(
    [
      ...(text.shopName
        ? wrapText(text.shopName, 26, 2).map((t) => ({ text: t, px: 56, weight: 700 }))
        : []),
      ...(text.title
        ? wrapText(text.title, 42, 2).map((t) => ({ text: t, px: 36, colour: "#334155" }))
        : []),
      { text: text.amount, px: 96, weight: 700, gap: 28 },
      { text: text.payWith, px: 40, weight: 700, colour: "#1d4ed8", gap: 28 },
    ],
    y,
  );
  y = head.y + 36;
  const qrX = (size.width - size.qr) / 2;
  const qr = qrSvg(qrString, qrX, y);
  y += size.qr + 10;
  const foot = textLines(
    [
      { text: text.scanWith, px: 34, colour: "#334155" },
      ...(text.deadline ? [{ text: text.deadline, px: 36, weight: 700 }] : []),
    ],
    y,
  );
  const height = foot.y + size.margin;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${height}" viewBox="0 0 ${size.width} ${height}"><rect width="100%" height="100%" fill="#fff"/>${head.svg}${qr}${foot.svg}</svg>`;
  const image = sharp(Buffer.from(svg), { density: 72 });
  const layers = logoImage
    ? [{ input: logoImage, top: size.margin, left: (size.width - size.logo) / 2 }]
    : [];
  return image.composite(layers).png({ compressionLevel: 9 }).toBuffer();
}
