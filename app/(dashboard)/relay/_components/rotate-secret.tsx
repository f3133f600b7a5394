"use client";

import { useCallback, useState } from "react";
import { useTranslations } from "next-intl";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import type { ActionState } from "@/lib/actions/action-state";
import { SecretOnce } from "./secret-once";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** Rotates the signing secret behind a confirmation; the new one is shown once. */
export function RotateSecret({ action }: { action: Action }) {
  const t = useTranslations("relay");
  const [secret, setSecret] = useState<string | null>(null);
  const run = useCallback(
    async (previous: ActionState, formData: FormData) => {
      const result = await action(previous, formData);
      if (result.status === "success" && result.data?.secret) setSecret(result.data.secret);
      return result;
    },
    [action],
  );
  return (
    <div className="space-y-2">
      <ConfirmActionForm
        action={run}
        label={t("rotate")}
        pendingLabel={t("working")}
        words={{
          title: t("rotateConfirm.title"),
          stops: t("rotateConfirm.body"),
          confirm: t("rotate"),
        }}
      />
      {secret ? <SecretOnce secret={secret} /> : null}
    </div>
  );
}
