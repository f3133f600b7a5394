"use client";

import { useState, type ComponentProps } from "react";
import { useTranslations } from "next-intl";
import { Field } from "./field";

/**
 * A Field for long text with its limit in view: "12 of 255 characters" under it (read
 * with the field), marked as the limit nears, so nothing is cut off unseen.
 */
export function CountedField({
  maxLength,
  hint,
  onChange,
  ...props
}: ComponentProps<typeof Field> & { maxLength: number }) {
  const t = useTranslations("flows");
  const [count, setCount] = useState(() => String(props.defaultValue ?? "").length);
  const near = count >= maxLength - 20;
  return (
    <Field
      {...props}
      maxLength={maxLength}
      onChange={(event) => {
        setCount(event.target.value.length);
        onChange?.(event);
      }}
      hint={
        <>
          {hint}
          {hint ? " " : null}
          <span className={near ? "font-medium text-amber-800" : undefined}>
            {t("counter", { count, max: maxLength })}
          </span>
        </>
      }
    />
  );
}
