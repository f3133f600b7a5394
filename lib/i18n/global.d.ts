import type { Locale } from "./config";
import type { Messages } from "./messages";

// Typed message keys and locales for next-intl's `t()`, `useLocale()` and friends.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
