import { z } from "zod";

/** `{ status, success: true, data }` [seen]. */
export const successEnvelopeSchema = z.object({
  status: z.number().int().optional(),
  success: z.literal(true),
  data: z.unknown(),
});

/** `{ status, success: false, error: { code, message, fields } }` [seen in staff code]. */
export const errorEnvelopeSchema = z.object({
  status: z.number().int().optional(),
  success: z.literal(false),
  error: z
    .object({
      code: z.string().optional(),
      message: z.string().optional(),
      fields: z.record(z.string(), z.union([z.array(z.string()), z.string()])).optional(),
    })
    .optional(),
  message: z.string().optional(),
});

export function normalizeFields(
  fields: Record<string, string[] | string> | undefined,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(fields ?? {}).map(([key, value]) => [
      key,
      Array.isArray(value) ? value : [value],
    ]),
  );
}
