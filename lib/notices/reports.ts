import "server-only";
import { getDb } from "@/db/client";
import { listNoticeRecipients, outboxHas, type NoticeRecipientRow } from "@/db/queries/notices";
import { gatewayConfigs, modeForView } from "@/lib/gateway/config";
import type { GatewayMode } from "@/lib/core/modes";
import { addDays, monthStart, timeZones, zonedDay } from "@/lib/core/time";
import { recapAttachment } from "@/lib/core/notice-kinds";
import { queueEmail } from "@/lib/mail/outbox";
import { effectivePreferences } from "./offer";
import { recapFigures, statementFigures } from "./figures";

/** [chosen] The recap and the statement go out from 07:00 in the person's own zone. */
export const reportHour = 7;

/** The modes a person's reports cover: live, and test when they asked for test notices. */
async function reportModes(includeTest: boolean): Promise<GatewayMode[]> {
  if (!includeTest) return ["production"];
  const configured = (await gatewayConfigs()).map((c) => c.mode);
  return ["production", modeForView("test", configured)];
}

/**
 * One run of the reports (the `notice-reports` job, every 15 minutes): each person who
 * chose them gets, once it is 07:00 or later in their zone, yesterday's recap (per
 * mode) and, on the 1st, last month's statement. Each is one outbox row per person,
 * mode and day (`recap:` / `statement:` keys), so later runs and other runners add
 * nothing. Returns the outbox rows written.
 */
export async function runScheduledReports(now: Date = new Date()): Promise<string[]> {
  const ids: string[] = [];
  for (const person of await listNoticeRecipients()) {
    const preferences = effectivePreferences(person.role, person.preferences);
    if (!preferences.dailyRecap && !preferences.monthlyStatement) continue;
    const zone = person.timeZone;
    const local = new Date(now.getTime() + timeZones[zone].offsetMinutes * 60_000);
    if (local.getUTCHours() < reportHour) continue;
    const today = zonedDay(now, zone);
    for (const mode of await reportModes(preferences.includeTest)) {
      if (preferences.dailyRecap)
        ids.push(...(await writeRecap(person, mode, today, preferences.recapAttachXlsx)));
      if (preferences.monthlyStatement && today.endsWith("-01"))
        ids.push(...(await writeStatement(person, mode, today)));
    }
  }
  return ids;
}

const modeName = (mode: GatewayMode) => (mode === "production" ? "live" : "test");

async function writeRecap(
  person: NoticeRecipientRow,
  mode: GatewayMode,
  today: string,
  attach: boolean,
): Promise<string[]> {
  const day = addDays(today, -1);
  const dedupeKey = `recap:${mode}:${day}:${person.id}`;
  if (await outboxHas(dedupeKey, person.email)) return [];
  const figures = await recapFigures(mode, person.timeZone, day);
  const row = await getDb().transaction((tx) =>
    queueEmail(tx, {
      to: person.email,
      template: "daily_recap",
      locale: person.locale,
      data: {
        timeZone: person.timeZone,
        mode: modeName(mode),
        figures: JSON.stringify(figures),
        ...(attach
          ? { attach: recapAttachment, attachMode: mode, attachQuery: figures.exportQuery }
          : {}),
      },
      dedupeKey,
    }),
  );
  return row.created ? [row.id] : [];
}

async function writeStatement(
  person: NoticeRecipientRow,
  mode: GatewayMode,
  today: string,
): Promise<string[]> {
  const dedupeKey = `statement:${mode}:${monthStart(today, -1)}:${person.id}`;
  if (await outboxHas(dedupeKey, person.email)) return [];
  const figures = await statementFigures(mode, person.timeZone, today);
  const row = await getDb().transaction((tx) =>
    queueEmail(tx, {
      to: person.email,
      template: "monthly_statement",
      locale: person.locale,
      data: { timeZone: person.timeZone, mode: modeName(mode), figures: JSON.stringify(figures) },
      dedupeKey,
    }),
  );
  return row.created ? [row.id] : [];
}
