/**
 * The TLS modes of an SMTP server, said once: the database enum (db/schema.ts), the
 * settings form and the URL reader (lib/mail/smtp-config.ts) derive from this tuple.
 */
export const smtpTlsModes = ["implicit", "starttls", "none"] as const;
/**
 * implicit: TLS from the first byte (smtps://, usually port 465); starttls: plain
 * connect, then STARTTLS, refused if the server does not offer it (usually 587); none:
 * no encryption at all (a relay on this machine or the local mail catcher).
 */
export type SmtpTlsMode = (typeof smtpTlsModes)[number];
