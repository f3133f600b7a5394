"use client";

import { useEffect } from "react";
import { rememberCreated } from "./payment-drafts";

/**
 * On the hand-off of a payment just made: its form's draft is done with, and the form,
 * if the person goes Back to it, points here instead of inviting a second bill.
 */
export function CreatedMarker({ id, channel }: { id: string; channel: string }) {
  useEffect(() => rememberCreated(id, channel), [id, channel]);
  return null;
}
