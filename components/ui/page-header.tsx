import type { ReactNode } from "react";

/** A page's title, a line under it, and its main action (full width on a phone). */
export function PageHeader({
  title,
  description,
  action,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight break-words">{title}</h1>
        {description ? <p className="text-sm text-slate-600">{description}</p> : null}
      </div>
      {action ? <div className="shrink-0 [&>a]:w-full sm:[&>a]:w-auto">{action}</div> : null}
    </header>
  );
}
