import Link from "next/link";

/**
 * The foot of a newest-first list read by cursor: back to the newest page when not on
 * it, on to older entries when there are more.
 */
export function CursorPager({
  labels,
  newestHref,
  olderHref,
}: {
  labels: { pages: string; newest: string; older: string };
  /** Null on the newest page. */
  newestHref: string | null;
  /** Null on the last page. */
  olderHref: string | null;
}) {
  return (
    <nav
      aria-label={labels.pages}
      className="flex justify-between border-t border-slate-200 px-4 py-1 text-sm"
    >
      {newestHref ? (
        <Link
          href={newestHref}
          className="flex min-h-11 items-center text-brand-700 hover:underline"
        >
          {labels.newest}
        </Link>
      ) : (
        <span />
      )}
      {olderHref ? (
        <Link
          href={olderHref}
          className="flex min-h-11 items-center text-brand-700 hover:underline"
        >
          {labels.older}
        </Link>
      ) : null}
    </nav>
  );
}
