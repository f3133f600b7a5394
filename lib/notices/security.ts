import "server-only";
import type { DbOrTx } from "@/db/client";
import { getNoticeRecipient, sessionDevice } from "@/db/queries/notices";
import { noticeDelivery } from "./offer";
import { writeNotice } from "./write";

/**
 * In a sign-in's transaction: when the person has signed in before but never from this
 * device (the session's short browser-and-system summary), a notice as they chose.
 * Returns the outbox row to queue after the commit, if one was written at once.
 */
export async function noticeNewDevice(
  tx: DbOrTx,
  session: { id: string; userId: string },
): Promise<string | null> {
  const person = await getNoticeRecipient(session.userId, tx);
  if (!person) return null;
  const delivery = noticeDelivery(person, "new_device");
  if (delivery === "off") return null;
  const device = await sessionDevice(tx, session.userId, session.id);
  if (!device.isNew) return null;
  return writeNotice(tx, person, delivery, {
    kind: "new_device",
    mode: null,
    eventKey: `new_device:${session.id}`,
    data: { device: device.userAgent ?? "?", at: new Date().toISOString(), path: "/profile" },
  });
}

/** In the transaction that locked a person's second step: a notice as they chose. */
export async function noticeSecondStepLocked(tx: DbOrTx, userId: string): Promise<string | null> {
  const person = await getNoticeRecipient(userId, tx);
  if (!person) return null;
  const delivery = noticeDelivery(person, "second_step_locked");
  if (delivery === "off") return null;
  const at = new Date();
  return writeNotice(tx, person, delivery, {
    kind: "second_step_locked",
    mode: null,
    eventKey: `second_step_locked:${userId}:${at.getTime()}`,
    data: { at: at.toISOString(), path: "/profile" },
  });
}
