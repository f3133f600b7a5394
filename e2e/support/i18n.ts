import { channelMessages } from "../../channels/messages";
import en from "../../messages/en.json" with { type: "json" };
import id from "../../messages/id.json" with { type: "json" };

/** The catalogues (with each channel's words), so tests click what a person reads. */
export const messages = {
  id: { ...id, channels: channelMessages("id") },
  en: { ...en, channels: channelMessages("en") },
} as const;
export type TestLocale = keyof typeof messages;
/** Bahasa Indonesia is the default: whole flows run in it. */
export const m = messages.id;

/** A catalogue message with its `{arguments}` filled in. */
export function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
