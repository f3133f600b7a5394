/**
 * Reads the mail catcher over its HTTP API, as tests do (vitest and Playwright).
 * Nothing here imports the catcher itself: it may run in another process.
 */
export type MessageSummary = {
  id: string;
  receivedAt: string;
  from: string | null;
  to: string[];
  subject: string | null;
  attachments: { filename: string | null; contentType: string; size: number }[];
};
export type MessageDetail = MessageSummary & {
  envelope: { from: string | null; to: string[] };
  headers: Record<string, string>;
  text: string | null;
  html: string | null;
};

export function mailCatcherClient(baseUrl: string) {
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`);
    if (!response.ok) throw new Error(`mail catcher ${path}: ${response.status}`);
    return (await response.json()) as T;
  };
  const post = async (path: string, body: unknown, method = "POST") => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`mail catcher ${path}: ${response.status}`);
  };
  const client = {
    /** Newest first. */
    messagesTo: (to: string) => get<MessageSummary[]>(`/api/messages?to=${encodeURIComponent(to)}`),
    message: (id: string) => get<MessageDetail>(`/api/messages/${encodeURIComponent(id)}`),
    /** Waits until `count` messages to `to` arrived; returns them, newest first, in full. */
    async waitFor(to: string, options: { count?: number; timeoutMs?: number } = {}) {
      const count = options.count ?? 1;
      const deadline = Date.now() + (options.timeoutMs ?? 15_000);
      for (;;) {
        const found = await client.messagesTo(to);
        if (found.length >= count) return Promise.all(found.map((m) => client.message(m.id)));
        if (Date.now() > deadline)
          throw new Error(`mail catcher: ${found.length} of ${count} messages to ${to} arrived`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    /** The next `count` messages to `to` are refused at RCPT TO with `code`. */
    refuse: (to: string, rule: { count?: number; code: number; message?: string }) =>
      post("/api/refusals", { to, count: rule.count ?? 1, ...rule }),
    clearRefusals: () => post("/api/refusals", {}, "DELETE"),
  };
  return client;
}

export type MailCatcherClient = ReturnType<typeof mailCatcherClient>;
