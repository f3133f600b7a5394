import type { GatewaySettingsMessages } from "@/lib/settings/gateway-settings";

/** The settings service's refusals, as short words a test can match. */
export const settingsMessages: GatewaySettingsMessages = {
  secretInUse: "in use",
  noSecretYet: "no secret",
  rotationUnderway: "underway",
  noRotation: "no rotation",
  nothingToSave: "nothing",
  emulatorSecret: "emulator secret",
  emulatorToken: "emulator token",
  gatewayUrl: "not purwantara",
  addressNeedsPassword: "password needed",
  passwordWrong: "wrong password",
  passwordLimited: "limited",
};
