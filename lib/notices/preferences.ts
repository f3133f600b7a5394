import "server-only";
import { getDb } from "@/db/client";
import { getNoticeRecipient, saveNoticePreferences } from "@/db/queries/notices";
import type { UserRole } from "@/db/schema";
import type { NoticeKind, NoticePreferences } from "@/lib/core/notice-kinds";
import { effectivePreferences, mayGetDailyRecap, mayGetStatement, offeredNotices } from "./offer";

/** What the profile's notice section shows a person: their choices and what they are offered. */
export type NoticeChoices = {
  preferences: NoticePreferences;
  offered: NoticeKind[];
  recap: boolean;
  statement: boolean;
};

export async function getNoticeChoices(user: {
  id: string;
  role: UserRole;
}): Promise<NoticeChoices> {
  const person = await getNoticeRecipient(user.id);
  return {
    preferences: effectivePreferences(user.role, person?.preferences ?? null),
    offered: offeredNotices(user.role),
    recap: mayGetDailyRecap(user.role),
    statement: mayGetStatement(user.role),
  };
}

/**
 * Saves a person's choices, anything their role is not offered turned off. Like the
 * language and zone, a person's own preference: not audited.
 */
export async function saveNoticeChoices(
  user: { id: string; role: UserRole },
  chosen: NoticePreferences,
): Promise<NoticePreferences> {
  const preferences = effectivePreferences(user.role, chosen);
  await saveNoticePreferences(getDb(), user.id, preferences);
  return preferences;
}
