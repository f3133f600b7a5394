/** What made a call to Purwantara: the gateway call log's `trigger`. */
export const gatewayCallTriggers = [
  "create",
  "check",
  "sweep",
  "cancel",
  "test_connection",
] as const;
export type GatewayCallTrigger = (typeof gatewayCallTriggers)[number];

/** A stored trigger read back: one of ours, or null for a value this build does not know. */
export function triggerOf(value: string): GatewayCallTrigger | null {
  return (gatewayCallTriggers as readonly string[]).includes(value)
    ? (value as GatewayCallTrigger)
    : null;
}

/** The call log's status filter: answered OK, refused or failed, or no answer at all. */
export const gatewayCallStatuses = ["ok", "failed", "no_answer"] as const;
export type GatewayCallStatus = (typeof gatewayCallStatuses)[number];

/** Outcomes with no HTTP answer behind them. */
export const noAnswerOutcomes = ["timeout", "network"] as const;
