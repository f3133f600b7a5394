import "server-only";
import { PassThrough } from "node:stream";
import { getMerchantLogo } from "@/db/queries/settings";
import type { EmailOutboxRow } from "@/db/schema";
import { gatewayModes, type GatewayMode } from "@/lib/core/modes";
import { recapAttachment } from "@/lib/core/notice-kinds";
import { isTimeZone, defaultTimeZone } from "@/lib/core/time";
import { parseTransactionFilter } from "@/lib/core/transaction-filter/parse";
import { resolveFilter } from "@/lib/core/transaction-filter/resolve";
import type { EmailAttachment } from "@/lib/mail/transport";
import { writeExportFile } from "@/lib/payments/export-writers";
import { exportFileName } from "@/lib/payments/transaction-export";

/** The address templates use for the merchant's logo (an inline attachment). */
export const logoCid = "merchant-logo@dashboard";

/** The merchant's logo as an inline attachment, when Settings has one. */
export async function logoAttachment(): Promise<EmailAttachment | null> {
  const logo = await getMerchantLogo();
  if (!logo) return null;
  return { filename: "logo", content: logo.bytes, contentType: logo.type, cid: logoCid };
}

/**
 * What an outbox row asks to have attached, made now: the recap's XLSX is the export's
 * own file (lib/payments/export-writers.ts) for the filter the row names, headed in the
 * recipient's language, times in their zone.
 */
export async function rowAttachments(row: EmailOutboxRow): Promise<EmailAttachment[]> {
  if (row.data.attach !== recapAttachment) return [];
  const mode = gatewayModes.find((m) => m === row.data.attachMode) as GatewayMode | undefined;
  if (!mode) return [];
  const zone = isTimeZone(row.data.timeZone) ? row.data.timeZone : defaultTimeZone;
  const { filter } = parseTransactionFilter(new URLSearchParams(row.data.attachQuery ?? ""));
  const spec = {
    format: "xlsx" as const,
    resolved: resolveFilter(filter, mode, zone),
    zone,
    locale: row.locale,
    separator: "comma" as const,
  };
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  await writeExportFile(spec, {
    out,
    signal: new AbortController().signal,
    onTotals: async () => undefined,
    onRows: () => undefined,
    drained: async () => undefined,
  });
  await ended;
  const filename = exportFileName({ ...spec, actorId: "", ip: null });
  return [
    {
      filename,
      content: Buffer.concat(chunks),
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    },
  ];
}
