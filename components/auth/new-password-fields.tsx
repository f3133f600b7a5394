import { Field } from "@/components/ui/field";
import type { FieldBind } from "@/components/ui/action-form";

/**
 * A new password and its repetition (`password`, `confirm`); the server applies
 * lib/auth/password-rules.ts. The labels come from the form's own catalogue section.
 */
export function NewPasswordFields({
  field,
  labels,
}: {
  field: (name: string) => Omit<ReturnType<FieldBind>, "defaultValue">;
  labels: { password: string; confirm: string; hint: string };
}) {
  return (
    <>
      <Field
        {...field("password")}
        label={labels.password}
        type="password"
        autoComplete="new-password"
        required
        hint={labels.hint}
      />
      <Field
        {...field("confirm")}
        label={labels.confirm}
        type="password"
        autoComplete="new-password"
        required
      />
    </>
  );
}
