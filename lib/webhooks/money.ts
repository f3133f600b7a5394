/** What a callback's amount means for a numeric(20,4) column. */
export type AmountCheck = { ok: true; value: string } | { ok: false; reason: string };

// numeric(20,4): 16 digits before the point, 4 after.
const maxIntegerDigits = 16;
const maxFractionDigits = 4;
const decimal = /^(-?)(\d+)(?:\.(\d+))?$/;
const exponent = /^(-?)(\d+)(?:\.(\d+))?[eE]([+-]?\d+)$/;
// Far beyond numeric(20,4) either way: not worth expanding.
const maxExponent = 40;

/** `1.5e3` as `1500`, exactly (strings, not floats); null when absurdly large or small. */
function expandExponent(text: string): string | null {
  const match = exponent.exec(text);
  if (!match) return text;
  const [, sign = "", integer = "", fraction = "", power = "0"] = match;
  const shift = Number(power);
  if (Math.abs(shift) > maxExponent) return null;
  const digits = integer + fraction;
  const point = integer.length + shift;
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A raw value shown in a reason: JSON-escaped (so NUL stays visible text), and short. */
export function shownValue(raw: unknown): string {
  const text = JSON.stringify(raw) ?? String(raw);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Checks a callback amount without rounding or floats: a positive decimal that
 * numeric(20,4) holds exactly, returned as a decimal string; anything else says why.
 */
export function checkAmount(raw: unknown): AmountCheck {
  if (raw === undefined || raw === null) return { ok: false, reason: "amount is missing" };
  let text: string;
  if (typeof raw === "number") {
    // JSON.parse has already rounded such a number: its exact value is lost.
    if (!Number.isFinite(raw) || (Number.isInteger(raw) && !Number.isSafeInteger(raw)))
      return { ok: false, reason: `amount ${shownValue(raw)} does not fit numeric(20,4)` };
    text = String(raw);
  } else if (typeof raw === "string") {
    const expanded = expandExponent(raw);
    if (expanded === null)
      return { ok: false, reason: `amount ${shownValue(raw)} does not fit numeric(20,4)` };
    text = expanded;
  } else {
    return { ok: false, reason: `amount ${shownValue(raw)} is not a number` };
  }
  const match = decimal.exec(text);
  if (!match) return { ok: false, reason: `amount ${shownValue(raw)} is not a decimal number` };
  const [, sign = "", digits = "", fraction = ""] = match;
  const integer = digits.replace(/^0+(?=\d)/, "");
  if (integer.length > maxIntegerDigits)
    return { ok: false, reason: `amount ${shownValue(raw)} does not fit numeric(20,4)` };
  if (/[^0]/.test(fraction.slice(maxFractionDigits)))
    return {
      ok: false,
      reason: `amount ${shownValue(raw)} has more than ${maxFractionDigits} decimal places`,
    };
  const kept = fraction.slice(0, maxFractionDigits).padEnd(maxFractionDigits, "0");
  if (/^0+$/.test(integer + kept))
    return { ok: false, reason: `amount ${shownValue(raw)} is zero` };
  if (sign) return { ok: false, reason: `amount ${shownValue(raw)} is negative` };
  return { ok: true, value: `${integer}.${kept}` };
}
