import type { ReactNode } from "react";

/** [chosen] A5 with narrow margins: the sheet is one page there. */
const pageRule = "@page { size: A5 portrait; margin: 10mm; }";

/**
 * Sheets for the buyer (slip, receipt): no navigation, one A5 page on paper; the
 * column is narrow, so an 80 mm thermal printer takes it too.
 */
export default function PrintLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <style>{pageRule}</style>
      <main className="mx-auto w-full max-w-md px-4 py-6 print:max-w-none print:p-0">
        {children}
      </main>
    </>
  );
}
