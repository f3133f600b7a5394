import en from "@/messages/en.json";
import id from "@/messages/id.json";
import type { Locale } from "./config";

/** The catalogue: Indonesian is the reference, English must have every key it has. */
export type Messages = typeof id;
const catalogues: Record<Locale, Messages> = { id, en };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}
