"use client";

import { useLocale, useTimeZone } from "next-intl";
import { useMemo } from "react";
import { bindFormatter, type Formatter } from "@/lib/format";
import { defaultTimeZone, isTimeZone } from "@/lib/core/time";

/** The formatting module in this person's language and time zone (set by the server). */
export function useFormat(): Formatter {
  const locale = useLocale();
  const zone = useTimeZone();
  return useMemo(
    () => bindFormatter(locale, isTimeZone(zone) ? zone : defaultTimeZone),
    [locale, zone],
  );
}
