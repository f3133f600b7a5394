import { createHash } from "node:crypto";
import { sniffFileType } from "@/lib/core/file-types";

/** A refund's proof: an image of the transfer slip or a PDF, up to 5 MB. */
export const proofRules = {
  maxBytes: 5 * 1024 * 1024,
  types: ["image/png", "image/jpeg", "image/webp", "application/pdf"] as const,
};
export type ProofType = (typeof proofRules.types)[number];

export type RefundProof = { bytes: Buffer; contentType: ProofType; sha256: string };

/** A proof's type as its bytes prove it (lib/core/file-types.ts). */
export function sniffProofType(bytes: Buffer): ProofType | null {
  const type = sniffFileType(bytes);
  return proofRules.types.find((t) => t === type) ?? null;
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
