/**
 * The kinds of email the app sends and the states of an outbox row: each list said
 * once, here; the database enums (db/schema.ts) and the pages derive from them.
 */
export const emailTemplates = [
  "invitation",
  "password_reset",
  "test",
  // Issue 18's notices (lib/notices): one notice, a digest, the recaps, a buyer's receipt.
  "notice",
  "notice_digest",
  "daily_recap",
  "monthly_statement",
  "receipt",
] as const;
export type EmailTemplate = (typeof emailTemplates)[number];

/**
 * pending: waiting for its (first or next) try; sending: a runner holds it (until its
 * lease ends); sent: the server accepted it; failed: refused for good, or out of tries.
 */
export const emailStates = ["pending", "sending", "sent", "failed"] as const;
export type EmailState = (typeof emailStates)[number];

export const emailLocales = ["id", "en"] as const;
export type EmailLocale = (typeof emailLocales)[number];
