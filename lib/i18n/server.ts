import "server-only";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import type { z } from "zod";
import { bindFormatter, type Formatter } from "@/lib/format";
import { defaultTimeZone, isTimeZone } from "@/lib/core/time";

/** For server components and actions: formatting in this request's language and zone. */
export async function getFormatter(): Promise<Formatter> {
  const zone = await getTimeZone();
  return bindFormatter(await getLocale(), isTimeZone(zone) ? zone : defaultTimeZone);
}

type Issue = z.core.$ZodIssue;

/**
 * Field errors in the person's language. Schemas name a `validation.*` key as their
 * message (with `params` on custom issues); bigint params are amounts of money.
 */
export async function translateIssues(issues: readonly Issue[]): Promise<Record<string, string[]>> {
  const t = await getTranslations("validation");
  const format = await getFormatter();
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form");
    (fieldErrors[key] ??= []).push(translateIssue(issue, t, format));
  }
  return fieldErrors;
}

type ValidationTranslator = Awaited<ReturnType<typeof getTranslations<"validation">>>;
type ValidationKey = Parameters<ValidationTranslator>[0];

function translateIssue(issue: Issue, t: ValidationTranslator, format: Formatter): string {
  const raw: Record<string, unknown> = {
    ...("minimum" in issue ? { minimum: issue.minimum } : {}),
    ...("maximum" in issue ? { maximum: issue.maximum } : {}),
    ...(issue.code === "custom" ? issue.params : {}),
  };
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value === "bigint") values[name] = format.money(value);
    else if (typeof value === "number" || typeof value === "string") values[name] = value;
  }
  const key = issue.message as ValidationKey;
  // A message that is not a catalogue key (a library's default) falls back to a generic one.
  return t.has(key)
    ? t(key, values)
    : t(issue.code === "invalid_value" ? "invalidChoice" : "required");
}
