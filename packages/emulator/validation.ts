import type { Fields } from "./http";

/**
 * Field checks that answer the way Laravel does (Purwantara runs Laravel):
 * strings are trimmed and "" counts as absent (its TrimStrings and
 * ConvertEmptyStringsToNull middleware), and failures are sentences naming the
 * field with spaces, collected per field.
 */
export class FieldErrors {
  readonly fields: Record<string, string[]> = {};

  add(field: string, message: string): void {
    (this.fields[field] ??= []).push(message);
  }

  get empty(): boolean {
    return Object.keys(this.fields).length === 0;
  }
}

/** How Laravel names a field in messages: `expected_amount` → "expected amount". */
export function label(field: string): string {
  return field.replace(/_/g, " ");
}

function normalized(fields: Fields, field: string): unknown {
  const value = fields[field];
  if (typeof value !== "string") return value ?? null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

export interface StringRule {
  required?: boolean;
  max?: number;
}

/** A string field, or null when absent and allowed to be. */
export function stringField(
  fields: Fields,
  field: string,
  errors: FieldErrors,
  rule: StringRule = {},
): string | null {
  const value = normalized(fields, field);
  if (value === null) {
    if (rule.required) errors.add(field, `The ${label(field)} field is required.`);
    return null;
  }
  if (typeof value !== "string") {
    errors.add(field, `The ${label(field)} must be a string.`);
    return null;
  }
  // Laravel counts characters (mb_strlen), not UTF-16 units.
  if (rule.max !== undefined && [...value].length > rule.max) {
    errors.add(field, `The ${label(field)} must not be greater than ${rule.max} characters.`);
    return null;
  }
  return value;
}

/** Whole rupiah, from a JSON integer or a numeric string, as decimal digits. */
export function amountField(
  fields: Fields,
  field: string,
  errors: FieldErrors,
  min: number,
  max?: number,
): string | null {
  const value = normalized(fields, field);
  if (value === null) {
    errors.add(field, `The ${label(field)} field is required.`);
    return null;
  }
  const text = typeof value === "number" && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== "string" || !/^-?\d+$/.test(text)) {
    errors.add(field, `The ${label(field)} must be an integer.`);
    return null;
  }
  const amount = BigInt(text);
  if (amount < BigInt(min)) {
    errors.add(field, `The ${label(field)} must be at least ${min}.`);
    return null;
  }
  if (max !== undefined && amount > BigInt(max)) {
    errors.add(field, `The ${label(field)} must not be greater than ${max}.`);
    return null;
  }
  return amount.toString();
}

const isoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** An ISO-8601 instant with a UTC offset, later than `now`; returned as UTC ISO. */
export function futureDateField(
  fields: Fields,
  field: string,
  errors: FieldErrors,
  now: Date,
): string | null {
  const value = stringField(fields, field, errors);
  if (value === null) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    errors.add(field, `The ${label(field)} is not a valid date.`);
    return null;
  }
  if (!isoWithOffset.test(value)) {
    errors.add(
      field,
      `The ${label(field)} must be an ISO-8601 date with a UTC offset, like 2024-01-31T23:59:00+07:00.`,
    );
    return null;
  }
  if (time <= now.getTime()) {
    errors.add(field, `The ${label(field)} must be a date after now.`);
    return null;
  }
  return new Date(time).toISOString();
}

/** An absolute http(s) URL. */
export function urlField(fields: Fields, field: string, errors: FieldErrors): string | null {
  const value = stringField(fields, field, errors, { max: 2048 });
  if (value === null) return null;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    errors.add(field, `The ${label(field)} must be a valid URL.`);
    return null;
  }
  return value;
}

type Checked<T, K extends keyof T> = Omit<T, K> & { [P in K]: NonNullable<T[P]> };

/**
 * The validated input, or the errors. Required fields add an error whenever they
 * come out null, so once there are no errors they are known to be present.
 */
export function checked<T extends Record<string, unknown>, K extends keyof T>(
  errors: FieldErrors,
  input: T,
  required: readonly K[],
): Checked<T, K> | FieldErrors {
  if (!errors.empty || required.some((key) => input[key] === null)) return errors;
  return input as Checked<T, K>;
}
