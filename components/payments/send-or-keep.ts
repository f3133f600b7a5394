import type { ActionState } from "@/lib/actions/action-state";
import { formValues, markEntrySubmitted, saveDraft } from "./payment-drafts";

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * The create action as the browser runs it: what was typed is kept in the tab first
 * and this history entry marked as sent; with no network nothing is sent and the form
 * says so, keeping every field. (Unwrapped, a failed request became the error page and
 * an empty form.) Other failures still go to the error page: they are not the network.
 */
export function sendOrKeep(action: FormAction, channel: string, offline: string): FormAction {
  return async (previous, formData) => {
    const values = formValues(formData);
    saveDraft(channel, values);
    markEntrySubmitted();
    const kept: ActionState = { status: "error", message: offline, values };
    if (!navigator.onLine) return kept;
    try {
      return await action(previous, formData);
    } catch (error) {
      // fetch() fails with a TypeError when the request cannot be made at all.
      if (!navigator.onLine || error instanceof TypeError) return kept;
      throw error;
    }
  };
}
