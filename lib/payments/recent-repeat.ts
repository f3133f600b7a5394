import "server-only";
import { listRecentCreates } from "@/db/queries/recent-creates";
import type { CurrentUser } from "@/lib/auth/session";
import type { BaseForm, ChannelModule } from "@/channels/shared/types";
import { actingMode } from "@/lib/gateway/config";
import { decimalFromRupiah } from "@/lib/core/money";
import { duplicateWindowMs, findNearDuplicate, type RecentCreate } from "./duplicate-create";

/**
 * The open payment a new create would repeat (same channel, buyer and amount, made by
 * the same person in the last minutes in their acting mode), or null: "you just
 * created a payment for this buyer". Asked before anything is
 * stored, so a repeat made by mistake never reaches Purwantara.
 */
export async function findRecentRepeat<F extends BaseForm>(
  module: ChannelModule<F>,
  form: F,
  user: CurrentUser,
): Promise<RecentCreate | null> {
  const mode = await actingMode(user);
  const draft = module.draft(form);
  const amount = decimalFromRupiah(form.amount);
  const now = new Date();
  const recent = await listRecentCreates({
    createdBy: user.id,
    mode,
    channel: module.channel,
    amount,
    since: new Date(now.getTime() - duplicateWindowMs),
  });
  return findNearDuplicate(
    {
      channel: module.channel,
      amount,
      title: draft.title ?? null,
      customerName: draft.customerName ?? null,
      customerEmail: draft.customerEmail ?? null,
      customerPhone: draft.customerPhone ?? null,
      idempotencyKey: form.idempotencyKey,
    },
    recent,
    now,
  );
}
