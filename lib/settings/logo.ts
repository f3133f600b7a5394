import "server-only";
import sharp from "sharp";
import { getMerchantLogo } from "@/db/queries/settings";
import { sniffLogoType, type LogoType } from "./merchant";

/** The uploaded logo's bytes and type (re-encoded at upload), or null. */
export function getMerchantLogoImage() {
  return getMerchantLogo();
}

/**
 * [chosen] A logo is shown at most a few hundred pixels wide: larger ones are scaled
 * down to fit 512 × 512. Images whose header claims more than 24 megapixels are not
 * decoded at all (a small file can claim a huge image).
 */
export const logoImageRules = { maxSide: 512, maxInputPixels: 24_000_000 } as const;

const formats = { "image/png": "png", "image/jpeg": "jpeg", "image/webp": "webp" } as const;

/**
 * Decodes an uploaded logo and encodes its pixels again, in the type its first bytes
 * claim: what is stored is only an image this server drew, never the uploaded file.
 * Whatever rode along (bytes after the image's end, a second file appended, metadata,
 * EXIF, colour profiles, several frames) is gone. Null when the bytes are not a PNG,
 * JPEG or WebP that decodes.
 */
export async function reencodeLogo(
  bytes: Buffer,
): Promise<{ bytes: Buffer; type: LogoType } | null> {
  const type = sniffLogoType(bytes);
  if (!type) return null;
  try {
    const image = await sharp(bytes, {
      failOn: "error",
      limitInputPixels: logoImageRules.maxInputPixels,
      animated: false,
    })
      // Turned upright by its EXIF orientation, which is not kept.
      .rotate()
      .resize({
        width: logoImageRules.maxSide,
        height: logoImageRules.maxSide,
        fit: "inside",
        withoutEnlargement: true,
      })
      .toFormat(formats[type])
      .toBuffer();
    return { bytes: image, type };
  } catch {
    // Not an image libvips can decode (truncated, corrupt, or not what it claims).
    return null;
  }
}
