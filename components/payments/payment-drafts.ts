/**
 * What a create form keeps in this tab (sessionStorage) so nothing typed is lost: the
 * draft until it is sent (Back, Forward, a reload, an offline submit), and the payment
 * it became, so a form reached again by Back can point to it. Never secrets: the
 * create forms hold none. Storage that is full or blocked only means nothing is kept.
 */
const draftKey = (channel: string) => `purwantara:payment-draft:${channel}`;
const createdKey = "purwantara:payment-created";
const submittedMark = "purwantaraSubmittedAt";

/** A draft older than this is a different errand: not brought back. */
const draftLifetimeMs = 2 * 60 * 60_000;
/** How long after creating a form reached by Back says "you just created one". */
export const justCreatedMs = 10 * 60_000;

type Stored<T> = T & { at: number };

function read<T>(key: string): Stored<T> | null {
  try {
    const text = window.sessionStorage.getItem(key);
    return text ? (JSON.parse(text) as Stored<T>) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: object | null): void {
  try {
    if (value) window.sessionStorage.setItem(key, JSON.stringify({ ...value, at: Date.now() }));
    else window.sessionStorage.removeItem(key);
  } catch {
    // Private mode or a full quota: the form still works, it just keeps nothing.
  }
}

/** A form's text fields as name → value (files and empty names left out). */
export function formValues(form: HTMLFormElement | FormData): Record<string, string> {
  const data = form instanceof FormData ? form : new FormData(form);
  const values: Record<string, string> = {};
  for (const [name, value] of data) {
    // "$ACTION_…" fields are React's own, not something typed.
    if (name && !name.startsWith("$") && typeof value === "string") values[name] = value;
  }
  return values;
}

export function readDraft(channel: string): Record<string, string> | null {
  const draft = read<{ values: Record<string, string> }>(draftKey(channel));
  return draft && Date.now() - draft.at < draftLifetimeMs ? draft.values : null;
}

export function saveDraft(channel: string, values: Record<string, string>): void {
  write(draftKey(channel), { values });
}

export function clearDraft(channel: string): void {
  write(draftKey(channel), null);
}

/**
 * Marks this history entry as one whose form was sent, on the entry itself (the router
 * keeps other fields of history.state), so Back to it can tell from a fresh visit.
 */
export function markEntrySubmitted(): void {
  const state: unknown = window.history.state;
  window.history.replaceState(
    { ...(typeof state === "object" ? state : {}), [submittedMark]: Date.now() },
    "",
  );
}

function entrySubmittedAt(): number | null {
  const state: unknown = window.history.state;
  if (!state || typeof state !== "object") return null;
  const at = (state as Record<string, unknown>)[submittedMark];
  return typeof at === "number" ? at : null;
}

/** The hand-off of a payment just made: its form's draft is done with. */
export function rememberCreated(id: string, channel: string): void {
  clearDraft(channel);
  write(createdKey, { id, channel });
}

/**
 * The payment this history entry's form made, when the person came back to the form
 * (Back) within a few minutes of making it; else null.
 */
export function createdFromThisEntry(channel: string): string | null {
  const submittedAt = entrySubmittedAt();
  const created = read<{ id: string; channel: string }>(createdKey);
  if (submittedAt === null || !created || created.channel !== channel) return null;
  if (created.at < submittedAt || Date.now() - created.at > justCreatedMs) return null;
  return created.id;
}
