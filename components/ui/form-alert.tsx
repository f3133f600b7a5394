"use client";

import { useEffect, useRef } from "react";
import type { ActionState } from "@/lib/actions/action-state";

/**
 * A form's own message (what has no single field to sit beside). After a failed
 * submit, focus goes to the first invalid field, whose error is read with it; when
 * no field is at fault, to this message. Either way the error is shown once.
 */
export function FormAlert({ state }: { state: ActionState }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status !== "error" || !box.current) return;
    const form = box.current.closest("form");
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? box.current).focus();
  }, [state]);
  const fieldErrors = state.status === "error" && Object.keys(state.fieldErrors ?? {}).length > 0;
  return (
    <div ref={box} tabIndex={-1} className="outline-none empty:hidden">
      {state.status === "error" ? (
        <p
          // With field errors, focus on the field announces them; otherwise this is the news.
          role={fieldErrors ? undefined : "alert"}
          className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-900 ring-1 ring-rose-200"
        >
          {state.message}
        </p>
      ) : null}
      {state.status === "success" ? (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-950 ring-1 ring-emerald-200"
        >
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
