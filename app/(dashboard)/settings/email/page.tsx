import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";
import { ActionButtonForm } from "@/components/payments/action-button-form";
import { requirePageUser } from "@/lib/auth/session";
import { getFormatter } from "@/lib/i18n/server";
import { getSmtpSettingsView, type SmtpSettingsView } from "@/lib/mail/smtp-settings";
import { clearSmtpAction, saveSmtpAction, sendTestEmailAction } from "./actions";
import { SmtpForm } from "./_components/smtp-form";
import { TestEmailForm } from "./_components/test-email-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("emailSettings"))("pageTitle") };
}

const card = "space-y-4 rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200 sm:p-6";

/** The environment's server, read-only (never its password). */
async function EnvironmentServer({
  server,
}: {
  server: NonNullable<SmtpSettingsView["environment"]>;
}) {
  const t = await getTranslations("emailSettings");
  const rows: [string, string][] = [
    [t("host"), `${server.host}:${server.port}`],
    [t("tls"), t(`tlsMode.${server.tls}`)],
    [t("user"), server.user ?? t("none")],
    [t("fromName"), server.fromName ?? t("none")],
    [t("fromAddress"), server.fromAddress],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="font-medium break-all text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Settings > Email: the SMTP server (the environment wins), and a test email sent now. */
export default async function EmailSettingsPage() {
  const user = await requirePageUser("settings:manage");
  const t = await getTranslations("emailSettings");
  const format = await getFormatter();
  const view = await getSmtpSettingsView();
  const saved = view.saved;
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        action={
          <Link href="/outbox" className={buttonClass("secondary")}>
            {t("toOutbox")}
          </Link>
        }
      />
      <section aria-labelledby="smtp-heading" className={card}>
        <h2 id="smtp-heading" className="text-lg font-semibold">
          {t("serverTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t(`source.${view.source}`)}</p>
        {view.environment ? <EnvironmentServer server={view.environment} /> : null}
        {view.environment && saved ? (
          <p className="text-sm text-slate-600">{t("savedShadowed")}</p>
        ) : null}
        {view.environment ? null : (
          <>
            <SmtpForm
              action={saveSmtpAction}
              current={{
                host: saved?.host ?? "",
                port: String(saved?.port ?? 587),
                tls: saved?.tls ?? "starttls",
                user: saved?.user ?? "",
                fromName: saved?.fromName ?? "",
                fromAddress: saved?.fromAddress ?? "",
                passwordSet: saved?.passwordSet ?? false,
              }}
            />
            {saved ? (
              <div className="space-y-2 border-t border-slate-200 pt-4">
                <p className="text-xs text-slate-600">
                  {t("savedAt", { at: format.dateTime(saved.updatedAt) })}
                </p>
                <ActionButtonForm
                  action={clearSmtpAction}
                  label={t("clear")}
                  pendingLabel={t("clearing")}
                />
              </div>
            ) : null}
          </>
        )}
      </section>
      <section aria-labelledby="test-heading" className={card}>
        <h2 id="test-heading" className="text-lg font-semibold">
          {t("test.title")}
        </h2>
        <p className="text-sm text-slate-600">{t("test.body")}</p>
        {view.source === "none" ? (
          <p className="text-sm text-slate-700">{t("test.needsServer")}</p>
        ) : (
          <TestEmailForm action={sendTestEmailAction} defaultTo={user.email} />
        )}
      </section>
    </div>
  );
}
