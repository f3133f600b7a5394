import type { TransactionState } from "@/db/schema";
import type { Formatter } from "@/lib/format";
import { rank } from "@/lib/payments/lifecycle";
import { readRecordedNote, type RecordedNoteCode } from "@/lib/payments/recorded-notes";

/** A root-level translator, from `useTranslations()` or `getTranslations()`. */
type Translate = {
  (key: `recordedNote.${RecordedNoteCode}`, values: Record<string, string>): string;
  (key: `status.${TransactionState}`): string;
  (key: "callbacks.fields.paidAt" | "callbacks.fields.settledAt"): string;
};

const isTransactionState = (v: string): v is TransactionState => Object.hasOwn(rank, v);
const stateValues = new Set(["from", "to", "state"]);
const moneyValues = new Set(["theirs", "ours", "amount"]);
const timeValues = new Set(["time", "settled", "paid"]);

function shown(t: Translate, format: Formatter, name: string, value: string): string {
  if (stateValues.has(name) && isTransactionState(value)) return t(`status.${value}`);
  if (moneyValues.has(name) && /^-?\d+(\.\d+)?$/.test(value)) return format.money(value);
  if (timeValues.has(name) && !Number.isNaN(Date.parse(value))) return format.dateTime(value);
  // The callback's own field names, said as the callbacks page labels them.
  if (name === "fields")
    return value
      .replace(/\bpaid_at\b/g, t("callbacks.fields.paidAt"))
      .replace(/\bsettle_at\b/g, t("callbacks.fields.settledAt"))
      .replace(/ and /g, ", ");
  return value;
}

/**
 * A stored timeline note or callback reason in the reader's language: each part the
 * catalogue knows is translated (states by name, amounts in rupiah, times in the
 * reader's zone); a part it does not know stays as stored.
 */
export function describeRecordedNote(
  t: Translate,
  format: Formatter,
  text: string,
  /** Parts the screen already says another way (a timeline entry's own state change). */
  skip: readonly RecordedNoteCode[] = [],
): string {
  return readRecordedNote(text)
    .filter((part) => part.code === null || !skip.includes(part.code))
    .map((part) =>
      part.code === null
        ? part.text
        : t(
            `recordedNote.${part.code}`,
            Object.fromEntries(
              Object.entries(part.values).map(([k, v]) => [k, shown(t, format, k, v)]),
            ),
          ),
    )
    .join("; ")
    .replace(/:; /g, ": ");
}
