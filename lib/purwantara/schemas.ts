import { z } from "zod";

/** Money arrives as a number or a decimal string; kept as the exact string. */
export const moneySchema = z
  .union([z.string().regex(/^-?\d+(\.\d+)?$/), z.number()])
  .transform(String);

/** A field the gateway may send as null, leave out, or fill. */
export const optionalText = z.string().nullable().optional();
