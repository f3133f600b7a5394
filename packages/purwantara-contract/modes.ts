/**
 * The gateway modes, said once: local (the emulator), sandbox and production. The
 * database enum, the contract and every list of modes derive from this tuple.
 */
export const gatewayModes = ["local", "sandbox", "production"] as const;
export type GatewayMode = (typeof gatewayModes)[number];
