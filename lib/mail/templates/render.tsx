import { render } from "@react-email/components";
import { createTranslator } from "use-intl/core";
import { Text } from "@react-email/components";
import { formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { messagesFor } from "@/lib/i18n/messages";
import { isTimeZone, type TimeZone } from "@/lib/core/time";
import type { EmailTemplate } from "@/lib/core/email-kinds";
import { getEnv } from "@/lib/env";
import { EmailLayout, paragraph } from "./layout";
import {
  digestParts,
  noticeParts,
  receiptParts,
  recapParts,
  statementParts,
  type NoticeContext,
  type Parts,
} from "./notices";

/** What a template is rendered from: its row's values, opened secrets, and the merchant. */
export type EmailInput = {
  template: EmailTemplate;
  locale: Locale;
  data: Record<string, string>;
  secrets: Record<string, string>;
  /** Merchant settings' business name; null: a neutral name in the reader's language. */
  businessName: string | null;
  /** The merchant's logo, when it has one: an inline attachment's `cid:` address. */
  logoSrc?: string;
};

export type RenderedEmail = { subject: string; html: string; text: string };

/**
 * Renders one email with React Email: HTML and a plain-text part from the same
 * components, in the recipient's language, times in their zone (data.timeZone).
 */
export async function renderEmail(input: EmailInput): Promise<RenderedEmail> {
  const messages = messagesFor(input.locale);
  const t = createTranslator({ locale: input.locale, messages, namespace: "email" });
  const tRole = createTranslator({ locale: input.locale, messages, namespace: "role" });
  const business = input.businessName?.trim() || t("fallbackBusiness");
  const zone: TimeZone = isTimeZone(input.data.timeZone) ? input.data.timeZone : "Asia/Jakarta";
  const at = (iso: string | undefined) => formatDateTime(iso ?? null, input.locale, zone);
  const value = (key: string) => input.data[key] ?? "";
  const link = input.secrets.link ?? "";
  const tChannel = createTranslator({ locale: input.locale, messages, namespace: "channel" });
  // Built only for the notice templates: they link to APP_URL (read from the environment).
  const ctx = (): NoticeContext => ({
    t: t as unknown as NoticeContext["t"],
    locale: input.locale,
    zone,
    business,
    data: input.data,
    appUrl: getEnv().appUrl,
    channelName: (c) => (c ? tChannel(c as "qris") : ""),
  });

  const parts = ((): Parts => {
    switch (input.template) {
      case "invitation": {
        const values = {
          inviter: value("inviterName"),
          business,
          role: tRole(value("role") as "admin"),
        };
        return {
          subject: t("invitation.subject", values),
          preview: t("invitation.body", values),
          heading: t("invitation.heading"),
          element: (
            <>
              <Text style={paragraph}>{t("invitation.body", values)}</Text>
              <Text style={paragraph}>
                {t("invitation.expires", { until: at(input.data.expiresAt) })}
              </Text>
            </>
          ),
        };
      }
      case "password_reset":
        return {
          subject: t("passwordReset.subject", { business }),
          preview: t("passwordReset.heading"),
          heading: t("passwordReset.heading"),
          element: (
            <>
              <Text style={paragraph}>{t("passwordReset.body", { email: value("email") })}</Text>
              <Text style={paragraph}>
                {t("passwordReset.expires", { until: at(input.data.expiresAt) })}
              </Text>
            </>
          ),
        };
      case "test":
        return {
          subject: t("test.subject", { business }),
          preview: t("test.heading"),
          heading: t("test.heading"),
          element: (
            <Text style={paragraph}>
              {t("test.body", { name: value("senderName"), at: at(input.data.sentAt) })}
            </Text>
          ),
        };
      case "notice":
        return noticeParts(ctx());
      case "notice_digest":
        return digestParts(ctx());
      case "daily_recap":
        return recapParts(ctx());
      case "monthly_statement":
        return statementParts(ctx());
      case "receipt":
        return receiptParts(ctx());
    }
  })();
  const buttonLabel =
    input.template === "invitation"
      ? t("invitation.button")
      : input.template === "password_reset"
        ? t("passwordReset.button")
        : null;
  const email = (
    <EmailLayout
      lang={input.locale}
      business={business}
      preview={parts.preview}
      heading={parts.heading}
      footer={t("footer", { business })}
      action={
        buttonLabel && link
          ? { label: buttonLabel, href: link, fallback: t("linkFallback") }
          : parts.action
            ? { ...parts.action, fallback: t("linkFallback") }
            : undefined
      }
      logoSrc={input.logoSrc}
    >
      {parts.element}
    </EmailLayout>
  );
  const [html, text] = await Promise.all([render(email), render(email, { plainText: true })]);
  return { subject: parts.subject, html, text };
}
