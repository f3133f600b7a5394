import "server-only";
import type { NoticeRecipientRow } from "@/db/queries/notices";
import type { UserRole } from "@/db/schema";
import { can, type Permission } from "@/lib/auth/roles";
import type { GatewayMode } from "@/lib/core/modes";
import {
  isLiveMode,
  noticeKinds,
  readNoticePreferences,
  type NoticeDelivery,
  type NoticeKind,
  type NoticePreferences,
} from "@/lib/core/notice-kinds";

/** What a person must be allowed to see to be offered a notice; null: everyone (about themselves). */
const noticePermission: Record<NoticeKind, Permission | null> = {
  payment_paid: "transactions:read",
  payment_expired: "transactions:read",
  callbacks_review: "callbacks:read",
  day_close: "reconciliation:approve",
  new_device: null,
  second_step_locked: null,
};

/** The notices a role is offered on the profile (and the only ones it is ever sent). */
export function offeredNotices(role: UserRole): NoticeKind[] {
  return noticeKinds.filter((kind) => {
    const permission = noticePermission[kind];
    return permission === null || can(role, permission);
  });
}

/** The daily recap and its XLSX: for those who may export (finance, admin). */
export const mayGetDailyRecap = (role: UserRole) => can(role, "transactions:export");
/** The monthly settlement statement: for those who read the reconciliation (finance, admin). */
export const mayGetStatement = (role: UserRole) => can(role, "reconciliation:read");

/** A person's saved choices, anything their role is not offered turned off. */
export function effectivePreferences(
  role: UserRole,
  saved: Record<string, unknown> | null,
): NoticePreferences {
  const preferences = readNoticePreferences(saved ?? undefined);
  const offered = new Set(offeredNotices(role));
  const deliveries = { ...preferences.deliveries };
  for (const kind of noticeKinds) if (!offered.has(kind)) deliveries[kind] = "off";
  return {
    ...preferences,
    deliveries,
    dailyRecap: preferences.dailyRecap && mayGetDailyRecap(role),
    recapAttachXlsx: preferences.recapAttachXlsx && mayGetDailyRecap(role),
    monthlyStatement: preferences.monthlyStatement && mayGetStatement(role),
  };
}

/** Live always; test-mode data only for a person who asked for it. */
export function wantsMode(preferences: NoticePreferences, mode: GatewayMode): boolean {
  return isLiveMode(mode) || preferences.includeTest;
}

/**
 * How (or whether) this notice reaches this person: their choice for the kind, if the
 * mode is one they hear about and, for a payment received, the amount reaches their
 * threshold (whole rupiah, compared exactly).
 */
export function noticeDelivery(
  recipient: NoticeRecipientRow,
  kind: NoticeKind,
  about: { mode?: GatewayMode; amount?: string } = {},
): NoticeDelivery {
  const preferences = effectivePreferences(recipient.role, recipient.preferences);
  const delivery = preferences.deliveries[kind];
  if (delivery === "off") return "off";
  if (about.mode && !wantsMode(preferences, about.mode)) return "off";
  if (kind === "payment_paid" && preferences.paidMinAmount && about.amount !== undefined) {
    const whole = BigInt(about.amount.split(".")[0] ?? "0");
    if (whole < BigInt(preferences.paidMinAmount)) return "off";
  }
  return delivery;
}
