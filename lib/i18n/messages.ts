import compile from "icu-minify/compile";
import { channelMessages, type ChannelMessages } from "@/channels/messages";
import en from "@/messages/en.json";
import id from "@/messages/id.json";
import type { Locale } from "./config";

/**
 * The catalogue: messages/ for the dashboard, plus each channel's own words (from
 * channels/<channel>/messages.ts) under `channels`. Indonesian is the reference;
 * English must have every key it has (lib/i18n/catalogue-check.ts).
 */
export type Messages = typeof id & { channels: ChannelMessages };

/**
 * In a Next.js build the next-intl plugin precompiles messages/*.json (next.config.ts)
 * and the app formats only precompiled messages (no ICU parser in the browser); the
 * channels' words are compiled here the same way. Elsewhere (vitest, scripts) both stay
 * ICU text. A plain text compiles to itself, so words read as text stay text.
 */
const precompiled = typeof (id.export.label as unknown) !== "string";

function compiled<T>(words: T): T {
  if (!precompiled) return words;
  // Through JSON, as the plugin's loader does: compile's objects have no prototype, and
  // React passes only plain objects to the browser.
  if (typeof words === "string") return JSON.parse(JSON.stringify(compile(words))) as T;
  return Object.fromEntries(
    Object.entries(words as Record<string, unknown>).map(([key, value]) => [key, compiled(value)]),
  ) as T;
}

const catalogues: Record<Locale, Messages> = {
  id: { ...id, channels: compiled(channelMessages("id")) },
  en: { ...en, channels: compiled(channelMessages("en")) },
};

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}
