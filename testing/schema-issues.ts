import type { z } from "zod";

/** A form schema's complaints about typed input, as [field path, message] pairs in order. */
export function schemaIssues(schema: z.ZodType, input: Record<string, string>) {
  return schema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);
}
