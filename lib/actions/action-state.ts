/**
 * The one shape every form action returns; `R` is a result an action hands its page
 * beside the message (a replay's preview, say).
 */
export type ActionState<R = unknown> =
  | { status: "idle" }
  | {
      status: "success";
      message: string;
      /** What the page shows once after the action, e.g. a one-time invitation link. */
      data?: Record<string, string>;
      result?: R;
      /** What was sent, to keep in the form. */
      values?: Record<string, string>;
    }
  | {
      status: "error";
      message: string;
      fieldErrors?: Record<string, string[]>;
      /** What was typed, to put back in the form (never passwords or secrets). */
      values?: Record<string, string>;
      /** A fresh one-time key, so a corrected form is a new submission. */
      idempotencyKey?: string;
      /**
       * A payment just like this one was made minutes ago: its id and when, so the form
       * links to it and asks once whether to make another (sent back as `confirmRepeatOf`).
       */
      repeatOf?: { id: string; createdAt: string };
    };

export type ActionErrorState<R = unknown> = Extract<ActionState<R>, { status: "error" }>;

export const idleState = { status: "idle" } as const satisfies ActionState;

export function fieldError<R>(state: ActionState<R>, field: string): string | undefined {
  return state.status === "error" ? state.fieldErrors?.[field]?.[0] : undefined;
}

/**
 * Props tying a form field to the last state: its name, what was typed (else a
 * starting value, such as a payment's details to create again), its error.
 */
export function fieldBinder<R>(state: ActionState<R>, initial?: Record<string, string>) {
  const values = state.status === "error" ? state.values : initial;
  return (name: string) => ({ name, defaultValue: values?.[name], error: fieldError(state, name) });
}
