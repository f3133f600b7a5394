import "server-only";
import { getDb } from "@/db/client";
import { listNoticeRecipients, takeDigestItems } from "@/db/queries/notices";
import type { NoticeDigestItem } from "@/db/schema";
import { isLiveMode } from "@/lib/core/notice-kinds";
import { queueEmail } from "@/lib/mail/outbox";

/** [chosen] At most this many notices are listed in one digest; the rest are counted. */
export const digestListLimit = 50;

/** What one digest line says: the notice's own values (its kind among them). */
export type DigestLine = Record<string, string>;

/** A digest is about one mode's data, or about the person (security): never a mix. */
function groupKey(item: NoticeDigestItem): string {
  if (!item.mode) return `${item.userId}:account`;
  return `${item.userId}:${isLiveMode(item.mode) ? "live" : "test"}`;
}

/**
 * One digest run (hourly, `notice-digest`): every waiting item is taken, and each
 * person gets one email per mode (and one for their account's security notices) listing
 * them, in the same transaction. Returns the outbox rows written.
 */
export async function runNoticeDigest(): Promise<string[]> {
  return getDb().transaction(async (tx) => {
    const items = await takeDigestItems(tx);
    if (items.length === 0) return [];
    const people = new Map((await listNoticeRecipients(tx)).map((r) => [r.id, r]));
    const groups = new Map<string, NoticeDigestItem[]>();
    for (const item of items) {
      const key = groupKey(item);
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    const ids: string[] = [];
    for (const [key, group] of groups) {
      const first = group[0]!;
      const person = people.get(first.userId);
      if (!person) continue;
      group.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      const lines: DigestLine[] = group.slice(0, digestListLimit).map((i) => i.data);
      const row = await queueEmail(tx, {
        to: person.email,
        template: "notice_digest",
        locale: person.locale,
        data: {
          timeZone: person.timeZone,
          scope: key.split(":")[1]!,
          count: String(group.length),
          lines: JSON.stringify(lines),
        },
        dedupeKey: `digest:${first.id}`,
      });
      if (row.created) ids.push(row.id);
    }
    return ids;
  });
}
