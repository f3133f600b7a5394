/** Where the simulator fetches a fresh transactions table from. */
export const simulatorTablePath = "/simulator/table";

/** How often the open simulator page fetches a fresh table. */
export const simulatorRefreshMs = 3000;

/**
 * Keeps the table current while the page is open, without disturbing a person
 * using it: no refresh while a form is being submitted, while focus is in the
 * table (keyboard users keep their place), while the pointer is on a button or
 * link (a click in progress), or while the tab is hidden. Without JavaScript the
 * page still works; the Refresh link reloads it.
 */
export function refreshScript(regionId: string): string {
  return `<script>
(() => {
  const region = document.getElementById(${JSON.stringify(regionId)});
  if (!region) return;
  let submitting = false;
  let last = null;
  document.addEventListener("submit", () => { submitting = true; });
  const busy = () =>
    submitting ||
    document.hidden ||
    region.contains(document.activeElement) ||
    region.querySelector("button:hover, a:hover") !== null;
  setInterval(async () => {
    if (busy()) return;
    try {
      const res = await fetch(${JSON.stringify(simulatorTablePath)}, { cache: "no-store" });
      if (!res.ok) return;
      const html = await res.text();
      if (html !== last && !busy()) {
        last = html;
        region.innerHTML = html;
      }
    } catch {
      // The emulator restarting: try again on the next tick.
    }
  }, ${simulatorRefreshMs});
})();
</script>`;
}
