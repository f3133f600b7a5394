"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { fieldBinder, idleState } from "@/lib/actions/action-state";
import { passwordRules } from "@/lib/auth/password-rules";
import { createFirstAdminAction } from "./actions";

export function SetupForm() {
  const [state, formAction] = useActionState(createFirstAdminAction, idleState);
  const field = fieldBinder(state);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <Field {...field("name")} label="Your name" autoComplete="name" required />
      <Field {...field("email")} label="Email" type="email" autoComplete="username" required />
      <Field
        {...field("password")}
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${passwordRules.min} characters.`}
      />
      <Field
        {...field("confirm")}
        label="Repeat the password"
        type="password"
        autoComplete="new-password"
        required
      />
      <SubmitButton pendingText="Creating…" className="w-full">
        Create admin account
      </SubmitButton>
    </form>
  );
}
