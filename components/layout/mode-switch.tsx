import { useTranslations } from "next-intl";

type View = "test" | "live";
const views: readonly View[] = ["test", "live"];

/**
 * Test or live data, as in the dashboards merchants know: two buttons of one form,
 * remembered per person. A view without a configured mode is unavailable and says why.
 */
export function ModeSwitch({
  view,
  available,
  action,
}: {
  view: View;
  available: Record<View, boolean>;
  action: (formData: FormData) => Promise<void>;
}) {
  const t = useTranslations("modeSwitch");
  const reasons: Record<View, string> = {
    test: t("testUnavailable"),
    live: t("liveUnavailable"),
  };
  return (
    <form action={action} aria-label={t("label")} role="group" className="flex items-center">
      <span className="inline-flex rounded-md bg-slate-100 p-0.5 ring-1 ring-slate-200">
        {views.map((option) => {
          const current = option === view;
          const off = !available[option] && !current;
          return (
            <button
              key={option}
              type="submit"
              name="view"
              value={option}
              aria-pressed={current}
              disabled={off}
              title={off ? reasons[option] : t("switchTo", { view: t(option) })}
              aria-describedby={off ? `mode-switch-${option}-reason` : undefined}
              className={`inline-flex min-h-10 min-w-11 items-center justify-center rounded px-2.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-500 disabled:cursor-not-allowed disabled:text-slate-500 ${
                current
                  ? option === "live"
                    ? "bg-emerald-700 text-white"
                    : "bg-amber-300 text-amber-950"
                  : "text-slate-700 hover:bg-white"
              }`}
            >
              {t(option)}
            </button>
          );
        })}
      </span>
      {views
        .filter((option) => !available[option] && option !== view)
        .map((option) => (
          <span key={option} id={`mode-switch-${option}-reason`} className="sr-only">
            {reasons[option]}
          </span>
        ))}
    </form>
  );
}
