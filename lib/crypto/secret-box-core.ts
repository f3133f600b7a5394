import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Secrets at rest: AES-256-GCM with a key from SETTINGS_ENCRYPTION_KEY.
 *
 * The variable holds a key ring, `id:base64key[,id:base64key...]`, newest first: the
 * first key seals, every key opens. A sealed value names its key, so rotating is
 * "put a new key first, run `npm run settings:rekey`, then drop the old one".
 * `context` (the field a value belongs to) is bound as associated data, so a sealed
 * value copied into another field or row does not open.
 *
 * Format: `sb1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts). This module is
 * free of server-only imports so `npm run settings:rekey` can use it; the app goes
 * through ./secret-box.ts, which supplies the configured key ring.
 */
export type SecretKey = { id: string; key: Buffer };
export type Keyring = readonly SecretKey[];

export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;

/** Parses a key ring; throws SecretBoxError naming the bad entry (never its key). */
export function parseKeyring(raw: string): Keyring {
  const entries = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new SecretBoxError("SETTINGS_ENCRYPTION_KEY: no key given");
  const ids = new Set<string>();
  return entries.map((entry, index) => {
    const at = entry.indexOf(":");
    const id = at > 0 ? entry.slice(0, at) : "";
    const key = Buffer.from(at > 0 ? entry.slice(at + 1) : "", "base64");
    if (!keyIdPattern.test(id))
      throw new SecretBoxError(
        `SETTINGS_ENCRYPTION_KEY: entry ${index + 1} must be id:base64key (id of letters, digits, - or _)`,
      );
    if (key.length !== 32)
      throw new SecretBoxError(
        `SETTINGS_ENCRYPTION_KEY: key ${id} must be 32 bytes in base64 (openssl rand -base64 32)`,
      );
    if (ids.has(id)) throw new SecretBoxError(`SETTINGS_ENCRYPTION_KEY: key id ${id} repeats`);
    ids.add(id);
    return { id, key };
  });
}

function requireKeyring(keyring: Keyring | null): Keyring {
  const ring = keyring;
  if (!ring || ring.length === 0)
    throw new SecretBoxError("SETTINGS_ENCRYPTION_KEY is not set: secrets cannot be saved");
  return ring;
}

const b64 = (b: Buffer) => b.toString("base64url");

export function encryptSecret(plaintext: string, context: string, keyring: Keyring | null): string {
  const { id, key } = requireKeyring(keyring)[0]!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["sb1", id, b64(iv), b64(cipher.getAuthTag()), b64(ciphertext)].join(".");
}

/** The id of the key that sealed a value (for re-keying), or null if it is not sealed. */
export function sealedKeyId(sealed: string): string | null {
  const parts = sealed.split(".");
  return parts.length === 5 && parts[0] === "sb1" ? (parts[1] ?? null) : null;
}

export function decryptSecret(sealed: string, context: string, keyring: Keyring | null): string {
  const parts = sealed.split(".");
  if (parts.length !== 5 || parts[0] !== "sb1") throw new SecretBoxError("not a sealed secret");
  const [, id, iv, tag, ciphertext] = parts as [string, string, string, string, string];
  const entry = requireKeyring(keyring).find((k) => k.id === id);
  if (!entry)
    throw new SecretBoxError(`sealed with key ${id}, which SETTINGS_ENCRYPTION_KEY no longer has`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", entry.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertext, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new SecretBoxError(`a secret sealed with key ${id} does not open (altered or moved)`);
  }
}

/** Opens with any key of the ring and seals again with the newest; unchanged if already newest. */
export function resealSecret(sealed: string, context: string, keyring: Keyring | null): string {
  const ring = requireKeyring(keyring);
  if (sealedKeyId(sealed) === ring[0]!.id) return sealed;
  return encryptSecret(decryptSecret(sealed, context, ring), context, ring);
}
