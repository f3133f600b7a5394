/** The password rule's numbers, safe for forms (the rule itself: ./password-rules.ts). */
export const passwordLimits = { minChars: 12, maxBytes: 72 } as const;
