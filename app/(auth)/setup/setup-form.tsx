"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldError, idleState } from "@/lib/actions/action-state";
import { passwordRules } from "@/lib/auth/password-rules";
import { createFirstAdminAction } from "./actions";

export function SetupForm() {
  const [state, formAction] = useActionState(createFirstAdminAction, idleState);
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <Field
        name="name"
        label="Your name"
        autoComplete="name"
        required
        defaultValue={values?.name}
        error={fieldError(state, "name")}
      />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        required
        defaultValue={values?.email}
        error={fieldError(state, "email")}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${passwordRules.min} characters.`}
        error={fieldError(state, "password")}
      />
      <Field
        name="confirm"
        label="Repeat the password"
        type="password"
        autoComplete="new-password"
        required
        error={fieldError(state, "confirm")}
      />
      <SubmitButton pendingText="Creating…" className="w-full">
        Create admin account
      </SubmitButton>
    </form>
  );
}
