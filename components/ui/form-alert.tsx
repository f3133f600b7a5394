import type { ActionState } from "@/lib/actions/action-state";

/** The form-level message of an action, announced to screen readers. */
export function FormAlert({ state }: { state: ActionState }) {
  return (
    <div aria-live="assertive" aria-atomic="true">
      {state.status === "error" ? (
        <p
          role="alert"
          className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200"
        >
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
