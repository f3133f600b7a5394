import en from "@/messages/en.json";

/**
 * A stand-in for `next-intl/server` that reads the English catalogue, for tests that
 * call server actions outside a request:
 * `vi.mock("next-intl/server", async () => (await import("@/testing/english-intl-server")).englishIntlServer());`
 */
export function englishIntlServer() {
  const lookup = (path: string) =>
    path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], en);
  const translator = (namespace?: string) => {
    const full = (key: string) => (namespace ? `${namespace}.${key}` : key);
    const t = (key: string, values: Record<string, unknown> = {}) =>
      String(lookup(full(key)) ?? full(key)).replace(/\{(\w+)\}/g, (_, n: string) =>
        String(values[n] ?? ""),
      );
    t.has = (key: string) => typeof lookup(full(key)) === "string";
    return t;
  };
  return {
    getTranslations: async (arg?: string | { namespace?: string }) =>
      translator(typeof arg === "string" ? arg : arg?.namespace),
    getLocale: async () => "en",
    getTimeZone: async () => "Asia/Jakarta",
  };
}
