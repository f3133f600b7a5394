"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/format/use-format";
import { SubmitButton } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import type { MySession } from "@/lib/auth/profile-service";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;
type Translate = ReturnType<typeof useTranslations<"security">>;

/** "Ponsel · Chrome 131 · Android 14", or the stored text when nothing could be read. */
function deviceLine(t: Translate, device: MySession["device"]): string {
  if (!device) return t("unknownDevice");
  if (!device.kind) return device.other ?? t("unknownDevice");
  return [t(`device.${device.kind}`), device.browser, device.os].filter(Boolean).join(" · ");
}

/** The person's live sessions: this device marked, the others each with a sign-out button. */
export function SessionsList({
  sessions,
  endOne,
  endOthers,
}: {
  sessions: MySession[];
  endOne: Action;
  endOthers: Action;
}) {
  const t = useTranslations("security");
  const format = useFormat();
  const [oneState, endOneAction] = useActionState(endOne, idleState);
  const [othersState, endOthersAction] = useActionState(endOthers, idleState);
  const others = sessions.filter((s) => !s.current);
  return (
    <div className="space-y-4">
      <FormAlert state={oneState.status !== "idle" ? oneState : othersState} />
      <ul className="divide-y divide-slate-200 rounded-lg ring-1 ring-slate-200">
        {sessions.map((s) => {
          const device = deviceLine(t, s.device);
          return (
            <li
              key={s.id}
              className="flex flex-col gap-3 p-3 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="min-w-0 text-sm">
                <p className="font-medium break-words text-slate-900">
                  {device}{" "}
                  {s.current ? (
                    <span className="ml-1 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900">
                      {t("thisDevice")}
                    </span>
                  ) : null}
                </p>
                <p className="text-slate-600">
                  {t("lastSeen", { time: format.dateTime(s.lastSeenAt) })} ·{" "}
                  {s.address?.local
                    ? t("localAddress", { address: s.address.address })
                    : t("address", { address: s.address?.address ?? t("unknownAddress") })}
                </p>
                <p className="text-xs text-slate-600">
                  {t("signedInAt", { time: format.dateTime(s.createdAt) })}
                </p>
              </div>
              {s.current ? null : (
                <form action={endOneAction}>
                  <input type="hidden" name="sessionId" value={s.id} />
                  <SubmitButton
                    variant="secondary"
                    pendingText={t("ending")}
                    className="w-full sm:w-auto"
                  >
                    {t("endSession")}
                    <span className="sr-only"> ({device})</span>
                  </SubmitButton>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      {others.length > 0 ? (
        <form action={endOthersAction}>
          <SubmitButton variant="danger" pendingText={t("ending")} className="w-full sm:w-auto">
            {t("endOthers")}
          </SubmitButton>
        </form>
      ) : (
        <p className="text-sm text-slate-600">{t("noOthers")}</p>
      )}
    </div>
  );
}
