import "server-only";
import { listGatewaySettings } from "@/db/queries/settings";
import { getEnv } from "@/lib/env";
import { FieldError } from "@/lib/errors";
import { gatewayAddressRefusal } from "@/lib/gateway/gateway-address";
import { defaultBaseUrls } from "@purwantara/contract";
import { confirmPassword } from "./confirm-password";
import type { SavedMode, SettingsActor } from "./gateway-settings";

export type AddressChangeMessages = {
  /** The address is not Purwantara's own for the mode. */
  gatewayUrl: string;
  addressNeedsPassword: string;
  passwordWrong: string;
  passwordLimited: string;
};

/** Where a mode's requests go with this saved value (null: Purwantara's own address). */
function addressInEffect(mode: SavedMode, saved: string | null): string {
  const address = saved || defaultBaseUrls[mode];
  return address.endsWith("/") ? address : `${address}/`;
}

/**
 * Whether saving `typed` (the form's text; empty: the default; undefined: not given)
 * sends the mode's requests somewhere else. Typing the address in effect is no move.
 */
export function movesAddress(
  mode: SavedMode,
  saved: string | null,
  typed: string | undefined,
): boolean {
  if (typed === undefined) return false;
  return addressInEffect(mode, typed) !== addressInEffect(mode, saved);
}

/**
 * Before a save: an address must be one the address rule allows (lib/gateway/
 * gateway-address.ts), and moving the mode to another address needs the person's
 * password (the token saved for the old address is then cleared by the save).
 * Returns whether a move was confirmed.
 */
export async function confirmAddressChange(
  mode: SavedMode,
  input: { baseUrl?: string; currentPassword?: string },
  actor: SettingsActor,
  messages: AddressChangeMessages,
): Promise<boolean> {
  const { baseUrl, currentPassword } = input;
  if (baseUrl && gatewayAddressRefusal(mode, baseUrl, getEnv().extraGatewayOrigins))
    throw new FieldError("baseUrl", messages.gatewayUrl);
  const row = (await listGatewaySettings()).find((r) => r.mode === mode);
  if (!movesAddress(mode, row?.baseUrl ?? null, baseUrl)) return false;
  if (!currentPassword) throw new FieldError("currentPassword", messages.addressNeedsPassword);
  const check = await confirmPassword(actor.id, currentPassword, actor.ip);
  if (check === "wrong") throw new FieldError("currentPassword", messages.passwordWrong);
  if (check === "limited") throw new FieldError("currentPassword", messages.passwordLimited);
  return true;
}
