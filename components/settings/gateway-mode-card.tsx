import { getTranslations } from "next-intl/server";
import { ActionButtonForm } from "@/components/payments/action-button-form";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import type { ActionState } from "@/lib/actions/action-state";
import type { Formatter } from "@/lib/format";
import type { MaskedValue, ModeOverview } from "@/lib/settings/overview";
import { CredentialsForm, RotateSecretForm } from "./credentials-form";

type Bound = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export type ModeActions = {
  save: Bound;
  rotate: Bound;
  retire: Bound;
  clear: Bound;
  testConnection: Bound;
  testCallback: Bound;
};

/** One mode: what is in effect and where each value comes from, then what can change. */
export async function GatewayModeCard({
  overview,
  actions,
  encryptionReady,
  format,
}: {
  overview: ModeOverview;
  actions: ModeActions;
  encryptionReady: boolean;
  format: Formatter;
}) {
  const t = await getTranslations("settings");
  const tMode = await getTranslations("mode");
  const source = (s: "env" | "settings" | "default") => t(`gateway.source.${s}`);
  const masked = (value: MaskedValue) =>
    value
      ? `${t("gateway.masked", { last4: value.last4 })} · ${source(value.source)}`
      : t("gateway.none");
  const headingId = `mode-${overview.mode}`;
  const rows = [
    [t("gateway.baseUrl"), `${overview.baseUrl.value} · ${source(overview.baseUrl.source)}`],
    [t("gateway.token"), masked(overview.token)],
    [t("gateway.callbackSecret"), masked(overview.callbackSecret)],
    ...(overview.previousSecret
      ? [[t("gateway.previousSecret"), masked(overview.previousSecret)]]
      : []),
  ];
  const fieldNames = (fields: string[]) =>
    fields.map((f) => t(`gateway.${f}` as "gateway.token")).join(", ");
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-4 rounded-xl bg-white p-4 shadow-xs ring-1 ring-slate-200 sm:p-6"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-base font-semibold">
          {tMode(overview.mode)}
        </h3>
        <span
          className={`rounded px-2 py-0.5 text-xs font-medium ${
            overview.configured ? "bg-emerald-100 text-emerald-900" : "bg-slate-200 text-slate-800"
          }`}
        >
          {overview.configured ? t("gateway.configured") : t("gateway.notConfigured")}
        </span>
      </div>
      {overview.envMode ? <p className="text-xs text-slate-600">{t("gateway.envMode")}</p> : null}
      <dl className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
        {rows.map(([label, value]) => (
          <div key={label} className="grid gap-1 px-3 py-2 text-sm sm:grid-cols-[12rem_1fr]">
            <dt className="text-slate-600">{label}</dt>
            <dd className="font-mono text-xs break-all text-slate-900 sm:text-sm">{value}</dd>
          </div>
        ))}
      </dl>
      {overview.shadowed.length ? (
        <p className="text-xs text-amber-900">
          {t("gateway.shadowed", { fields: fieldNames(overview.shadowed) })}
        </p>
      ) : null}
      {overview.unreadable.length ? (
        <p role="alert" className="text-xs text-rose-800">
          {t("gateway.unreadable", { fields: fieldNames(overview.unreadable) })}
        </p>
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
        <ActionButtonForm
          action={actions.testConnection}
          label={t("connection.test")}
          pendingLabel={t("connection.testing")}
        />
        {overview.mode !== "production" ? (
          <ActionButtonForm
            action={actions.testCallback}
            label={t("testCallback.send")}
            pendingLabel={t("testCallback.sending")}
          />
        ) : null}
      </div>
      {overview.mode !== "production" ? (
        <p className="text-xs text-slate-600">{t("testCallback.explain")}</p>
      ) : null}
      {overview.editable ? (
        <EditableParts
          overview={overview}
          actions={actions}
          encryptionReady={encryptionReady}
          format={format}
        />
      ) : (
        <p className="text-xs text-slate-600">{t("gateway.localNote")}</p>
      )}
    </section>
  );
}

async function EditableParts({
  overview,
  actions,
  encryptionReady,
  format,
}: {
  overview: ModeOverview;
  actions: ModeActions;
  encryptionReady: boolean;
  format: Formatter;
}) {
  const t = await getTranslations("settings");
  const tConfirm = await getTranslations("flows.confirm");
  const tMode = await getTranslations("mode");
  const savedSecret = overview.callbackSecret?.source === "settings";
  const previous = overview.previousSecret;
  return (
    <>
      <div className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
        <h4 className="text-sm font-medium">{t("gateway.edit")}</h4>
        <CredentialsForm
          action={actions.save}
          mode={overview.mode}
          baseUrl={overview.baseUrl.source === "settings" ? overview.baseUrl.value : ""}
          askSecret={!savedSecret}
          disabled={!encryptionReady}
        />
      </div>
      {savedSecret ? (
        <div className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
          <h4 className="text-sm font-medium">{t("rotation.title")}</h4>
          <p className="text-xs text-slate-600">{t("rotation.steps")}</p>
          {previous ? (
            <>
              <p className="text-sm text-slate-800">
                {t("rotation.underway", {
                  at: format.dateTime(overview.rotationStartedAt),
                  last: previous.lastVerifiedAt
                    ? format.dateTime(previous.lastVerifiedAt)
                    : t("rotation.neverVerified"),
                })}
              </p>
              <ConfirmActionForm
                action={actions.retire}
                label={t("rotation.retire")}
                pendingLabel={t("rotation.retiring")}
                words={{
                  title: tConfirm("retireTitle"),
                  stops: tConfirm("retireStops"),
                  warning: previous.newVerifiedAt ? undefined : tConfirm("retireUnverified"),
                  confirm: t("rotation.retire"),
                }}
              />
            </>
          ) : (
            <RotateSecretForm
              action={actions.rotate}
              mode={overview.mode}
              disabled={!encryptionReady}
            />
          )}
        </div>
      ) : null}
      {overview.hasSaved ? (
        <ConfirmActionForm
          action={actions.clear}
          label={t("gateway.clear")}
          pendingLabel={t("gateway.clearing")}
          words={{
            title: tConfirm("clearTitle", { mode: tMode(overview.mode) }),
            stops: tConfirm(overview.mode === "production" ? "clearStopsLive" : "clearStopsTest"),
            confirm: t("gateway.clear"),
          }}
        />
      ) : null}
    </>
  );
}
