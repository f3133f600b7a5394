/** The gateway modes (local, sandbox, production): the contract package says them once. */
export { gatewayModes, type GatewayMode } from "@purwantara/contract/modes";
