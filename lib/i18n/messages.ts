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

const catalogues: Record<Locale, Messages> = {
  id: { ...id, channels: channelMessages("id") },
  en: { ...en, channels: channelMessages("en") },
};

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}
