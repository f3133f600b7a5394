/**
 * Timeline notes and callback reasons are stored as the code wrote them, in English
 * ("active → paid; PAID without paid_at"), so old rows and logs stay searchable. The
 * screen reads them back here into catalogue codes (`recordedNote.<code>`) with their
 * values, and translates those; a part this table does not know is shown as stored.
 * The patterns mirror the writers in lib/webhooks/ and lib/payments/: a new reason
 * text there gets its line here, or it shows untranslated (and the screen check fails).
 */
export const recordedNoteCodes = [
  "advanced",
  "already",
  "arrivedAfter",
  "ignored",
  "unknownStatus",
  "amountDiffers",
  "paidAfterEnd",
  "fractionAmount",
  "badAmount",
  "amountMissing",
  "unknownType",
  "noEventType",
  "zoneless",
  "settleBeforePaid",
  "unsafeUrl",
  "noTransactionForMode",
  "acceptedDespite",
  "acceptedStands",
  "storedCopyDiffers",
  "ourAmountUsed",
  "paidTimeCorrected",
  "paidTwice",
  "maybePaidTwice",
  "anotherPayment",
  "firstSeen",
  "alreadyReceived",
  "notJson",
  "notACallback",
  "noMode",
  "createdAtGateway",
  "foundByCheck",
  "statusCheck",
  "statusSweep",
  "notFoundByCheck",
  "notFoundBySweep",
  "noClearAnswer",
  "refused",
  "cancelledByStaff",
] as const;
export type RecordedNoteCode = (typeof recordedNoteCodes)[number];

/** The part a timeline entry already says as its heading (its own state change). */
export const stateChangeNote: readonly RecordedNoteCode[] = ["advanced"];

/** A part of a stored note: a code with its values, or text this table does not know. */
export type NotePart =
  { code: RecordedNoteCode; values: Record<string, string> } | { code: null; text: string };

/** `prefix`: the part introduces the next one ("accepted by a person despite: …"). */
type Pattern = {
  code: RecordedNoteCode;
  re: RegExp;
  names?: readonly string[];
  prefix?: boolean;
};

const state = "([a-z_]+)";
const patterns: readonly Pattern[] = [
  { code: "advanced", re: new RegExp(`${state} → ${state}`), names: ["from", "to"] },
  { code: "already", re: new RegExp(`already ${state}`), names: ["state"] },
  {
    code: "arrivedAfter",
    re: new RegExp(`(\\S+) arrived after ${state}`),
    names: ["status", "state"],
  },
  { code: "ignored", re: /ignored/ },
  { code: "unknownStatus", re: /unknown status (.+?)/, names: ["status"] },
  {
    code: "amountDiffers",
    re: /amount (\S+) differs from our record (\S+)/,
    names: ["theirs", "ours"],
  },
  {
    code: "paidAfterEnd",
    re: new RegExp(`(\\S+) after ${state}: the money came, accepted`),
    names: ["status", "state"],
  },
  { code: "fractionAmount", re: /amount (\S+) has a fraction of a rupiah/, names: ["amount"] },
  {
    code: "badAmount",
    re: /amount (\S+) (?:is not a number|is not a decimal number|does not fit numeric\(20,4\)|has more than \d+ decimal places|is zero|is negative)/,
    names: ["amount"],
  },
  { code: "amountMissing", re: /amount is missing/ },
  { code: "unknownType", re: /unknown event\.type (.+?)/, names: ["value"] },
  { code: "noEventType", re: /no event\.type; stored as a payment link/ },
  { code: "zoneless", re: /(.+?) without a zone; read as Asia\/Jakarta/, names: ["fields"] },
  {
    code: "settleBeforePaid",
    re: /settle_at (\S+) is before paid_at (\S+)/,
    names: ["settled", "paid"],
  },
  {
    code: "unsafeUrl",
    re: /(\S+) (.+?) refused \(not a safe https address\)/,
    names: ["field", "value"],
  },
  { code: "noTransactionForMode", re: /no transaction of this mode to accept it for/ },
  { code: "acceptedDespite", re: /accepted by a person despite:/, prefix: true },
  {
    code: "acceptedStands",
    re: /accepted by a person: amount (\S+) differs from our record (\S+), which stands/,
    names: ["theirs", "ours"],
  },
  {
    code: "storedCopyDiffers",
    re: /stored copy differs from the body \((.+)\)/,
    names: ["detail"],
  },
  { code: "ourAmountUsed", re: /our record's amount (\S+) is used/, names: ["amount"] },
  { code: "paidTimeCorrected", re: /paid time corrected to (\S+)/, names: ["time"] },
  { code: "paidTwice", re: /paid twice: .+? of the same bill (?:are|is) paid too/ },
  {
    code: "maybePaidTwice",
    re: /maybe paid twice: the same phone and amount as (.+?) within (\d+) minutes/,
    names: ["ids", "minutes"],
  },
  { code: "anotherPayment", re: /another payment of the same bill/ },
  { code: "firstSeen", re: /first seen in a callback/ },
  { code: "alreadyReceived", re: /delivery \S+ was already received/ },
  { code: "notJson", re: /body is not JSON/ },
  { code: "notACallback", re: /body is not a Purwantara callback \((.+)\)/, names: ["detail"] },
  { code: "noMode", re: /no secret verified this delivery: no mode/ },
  { code: "createdAtGateway", re: /created at Purwantara/ },
  { code: "foundByCheck", re: /found at Purwantara by a status check/ },
  { code: "notFoundByCheck", re: /status check: Purwantara has no payment with this reference/ },
  { code: "notFoundBySweep", re: /status sweep: Purwantara has no payment with this reference/ },
  { code: "statusCheck", re: /status check/ },
  { code: "statusSweep", re: /status sweep/ },
  {
    code: "noClearAnswer",
    re: /No clear answer from Purwantara \((.+)\); it may still have created the payment/,
    names: ["detail"],
  },
  { code: "refused", re: /Purwantara refused: (.+)/, names: ["detail"] },
  { code: "cancelledByStaff", re: /cancelled by user \S+/ },
];

/** Matched at the start of `rest`, as a whole part (ends the text or is followed by "; "). */
function matchAt(rest: string): { part: NotePart; length: number } | null {
  for (const { code, re, names = [], prefix } of patterns) {
    const m = new RegExp(`^(?:${re.source})${prefix ? "\\s*" : "(?=; |\\s*$)"}`).exec(rest);
    if (!m) continue;
    const values = Object.fromEntries(names.map((name, i) => [name, m[i + 1] ?? ""]));
    return { part: { code, values }, length: m[0].length };
  }
  return null;
}

/** Reads a stored note or reason into its parts, in order. */
export function readRecordedNote(text: string): NotePart[] {
  const parts: NotePart[] = [];
  let rest = text.trim();
  while (rest) {
    const found = matchAt(rest);
    const cut = found ? found.length : rest.indexOf("; ") === -1 ? rest.length : rest.indexOf("; ");
    parts.push(found ? found.part : { code: null, text: rest.slice(0, cut) });
    rest = rest.slice(cut).replace(/^;\s*/, "").trimStart();
  }
  return parts;
}
