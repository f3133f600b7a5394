/** Shared by the forms (client) and the hashing code (server). */
export const passwordRules = { min: 12, max: 72 } as const;
