import type { ReactNode } from "react";

/** What an empty list says: what will appear here, and what to do next. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="px-4 py-12 text-center">
      <p className="font-medium text-slate-900">{title}</p>
      <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">{children}</p>
      {action ? <div className="mt-4">{action}</div> : null}
    </div>
  );
}
