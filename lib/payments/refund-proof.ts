import { createHash } from "node:crypto";

/** A refund's proof: an image of the transfer slip or a PDF, up to 5 MB. */
export const proofRules = {
  maxBytes: 5 * 1024 * 1024,
  types: ["image/png", "image/jpeg", "image/webp", "application/pdf"] as const,
};
export type ProofType = (typeof proofRules.types)[number];

export type RefundProof = { bytes: Buffer; contentType: ProofType; sha256: string };

/** The type a file's first bytes prove, whatever its name or the browser claimed. */
export function sniffProofType(bytes: Buffer): ProofType | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (
    bytes.subarray(0, 4).toString("latin1") === "RIFF" &&
    bytes.subarray(8, 12).toString("latin1") === "WEBP"
  )
    return "image/webp";
  if (bytes.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  return null;
}

/**
 * A file from the form as a proof: none when no file was chosen; refused when it is
 * too big or its bytes are not one of the accepted types.
 */
export async function proofFromFile(
  file: unknown,
): Promise<{ proof: RefundProof | null } | { refused: "proofTooBig" | "proofType" }> {
  if (!(file instanceof File) || file.size === 0) return { proof: null };
  if (file.size > proofRules.maxBytes) return { refused: "proofTooBig" };
  const bytes = Buffer.from(await file.arrayBuffer());
  const contentType = sniffProofType(bytes);
  if (!contentType) return { refused: "proofType" };
  return {
    proof: { bytes, contentType, sha256: createHash("sha256").update(bytes).digest("hex") },
  };
}
