"use client";

import { useCallback, useEffect, useState } from "react";
import { clearDraft, createdFromThisEntry, readDraft } from "./payment-drafts";

type Draft = {
  /** What was typed earlier in this tab and not yet sent, if anything. */
  values: Record<string, string> | null;
  /** The payment this form already made, when the person came back to it with Back. */
  createdId: string | null;
  /** Changes when the fields must start again from new values (their defaults are read once). */
  version: number;
};

/**
 * The tab's draft for a channel's form, read after the first paint (the server cannot
 * see sessionStorage). `useDraftValues` false (a form prefilled from an earlier payment)
 * keeps the prefill.
 */
export function useDraft(channel: string, useDraftValues: boolean) {
  const [draft, setDraft] = useState<Draft>({ values: null, createdId: null, version: 0 });
  useEffect(() => {
    const createdId = createdFromThisEntry(channel);
    const values = useDraftValues ? readDraft(channel) : null;
    // Read once on arrival: storage is outside React, and the server rendered without it.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above
    if (values || createdId) setDraft((d) => ({ values, createdId, version: d.version + 1 }));
  }, [channel, useDraftValues]);
  const discard = useCallback(() => {
    clearDraft(channel);
    setDraft((d) => ({ ...d, values: null, version: d.version + 1 }));
  }, [channel]);
  return { ...draft, discard };
}
