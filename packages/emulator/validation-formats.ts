import type { Fields } from "./http";
import { label, stringField, type FieldErrors, type StringRule } from "./validation";

/** Field formats beyond strings, amounts, dates and URLs, with Laravel's messages. */

/** One of a fixed set, matched exactly as Laravel's `in:` rule does (case-sensitive). */
export function enumField<T extends string>(
  fields: Fields,
  field: string,
  errors: FieldErrors,
  allowed: readonly T[],
  rule: { required?: boolean } = {},
): T | null {
  const value = stringField(fields, field, errors, rule);
  if (value === null) return null;
  const match = allowed.find((option) => option === value);
  if (match === undefined) errors.add(field, `The selected ${label(field)} is invalid.`);
  return match ?? null;
}

export function emailField(
  fields: Fields,
  field: string,
  errors: FieldErrors,
  rule: StringRule = {},
): string | null {
  const value = stringField(fields, field, errors, { max: 255, ...rule });
  if (value === null) return null;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    errors.add(field, `The ${label(field)} must be a valid email address.`);
    return null;
  }
  return value;
}

/** An Indonesian mobile number: 08…, 628… or +628…, 10 to 15 digits. */
export function phoneField(
  fields: Fields,
  field: string,
  errors: FieldErrors,
  rule: StringRule = {},
): string | null {
  const value = stringField(fields, field, errors, rule);
  if (value === null) return null;
  if (!/^(\+62|62|0)8\d{7,12}$/.test(value)) {
    errors.add(
      field,
      `The ${label(field)} must be an Indonesian mobile number, like 081234567890.`,
    );
    return null;
  }
  return value;
}

/** Decimal digits only, at most `max` of them. */
export function digitsField(
  fields: Fields,
  field: string,
  errors: FieldErrors,
  max: number,
): string | null {
  const raw = fields[field];
  const value = stringField(
    typeof raw === "number" && Number.isSafeInteger(raw) ? { [field]: String(raw) } : fields,
    field,
    errors,
  );
  if (value === null) return null;
  if (!/^\d+$/.test(value) || value.length > max) {
    errors.add(field, `The ${label(field)} must be at most ${max} digits.`);
    return null;
  }
  return value;
}
