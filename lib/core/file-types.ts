/**
 * The type of an uploaded file as its first bytes prove it, whatever its name or the
 * browser claimed. Raster images and PDF only: an SVG or HTML can carry script.
 */
export const provableTypes = ["image/png", "image/jpeg", "image/webp", "application/pdf"] as const;
export type ProvableType = (typeof provableTypes)[number];

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniffFileType(bytes: Buffer): ProvableType | null {
  if (bytes.subarray(0, 8).equals(pngSignature)) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (
    bytes.subarray(0, 4).toString("latin1") === "RIFF" &&
    bytes.subarray(8, 12).toString("latin1") === "WEBP"
  )
    return "image/webp";
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  return null;
}
