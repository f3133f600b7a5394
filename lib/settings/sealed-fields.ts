import type { GatewayMode } from "@purwantara/contract";

/** The sealed fields of a gateway_settings row, each opened with its own context. */
export const sealedFields = ["token", "callbackSecret", "previousSecret"] as const;
export type SealedField = (typeof sealedFields)[number];

/** The column (camelCase) and SQL name each sealed field is stored in. */
export const sealedColumns = {
  token: { key: "tokenSealed", sql: "token_sealed" },
  callbackSecret: { key: "callbackSecretSealed", sql: "callback_secret_sealed" },
  previousSecret: { key: "previousSecretSealed", sql: "previous_secret_sealed" },
} as const satisfies Record<SealedField, { key: string; sql: string }>;

/** Bound into each sealed value, so it opens only in its own mode and field. */
export function secretContext(mode: GatewayMode, field: SealedField): string {
  return `gateway_settings:${mode}:${field}`;
}
