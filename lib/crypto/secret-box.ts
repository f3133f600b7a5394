import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";

/**
 * Secrets at rest (TOTP secrets, gateway credentials): AES-256-GCM under a key from
 * SETTINGS_ENCRYPTION_KEY. A sealed value is `v1.<keyId>.<iv>.<tag>.<ciphertext>`
 * (base64url parts); the key id is the first 8 hex digits of the key's SHA-256, so a
 * value names the key that opens it and old keys can be kept for reading during a
 * rotation (SETTINGS_ENCRYPTION_KEY_PREVIOUS, comma separated). `context` is bound as
 * additional authenticated data: a value sealed for one purpose (e.g. `totp:<userId>`)
 * cannot be moved to another row or field.
 *
 * Keys are 32 random bytes, base64 or hex (`openssl rand -base64 32`). Production
 * requires SETTINGS_ENCRYPTION_KEY; development and tests without one derive a key
 * from AUTH_SECRET (HKDF), which is only as secret as AUTH_SECRET and changes with it.
 */
export type SecretKey = { id: string; key: Buffer };
export type SecretKeyring = { current: SecretKey; previous: SecretKey[] };

const version = "v1";

export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

export function keyFromBytes(key: Buffer): SecretKey {
  if (key.length !== 32) throw new SecretBoxError("an encryption key must be 32 bytes");
  return { id: createHash("sha256").update(key).digest("hex").slice(0, 8), key };
}

/** Parses one key as written in the environment: 64 hex digits or base64 of 32 bytes. */
export function parseKey(text: string): SecretKey {
  const trimmed = text.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, "hex")
    : Buffer.from(trimmed, "base64");
  if (bytes.length !== 32) {
    throw new SecretBoxError(
      "SETTINGS_ENCRYPTION_KEY: must be 32 bytes, base64 or hex (openssl rand -base64 32)",
    );
  }
  return keyFromBytes(bytes);
}

/** The key ring the environment describes (see the comment at the top). */
export function keyringFromEnv(
  env: Record<string, string | undefined> = process.env,
): SecretKeyring {
  const previous = (env.SETTINGS_ENCRYPTION_KEY_PREVIOUS ?? "")
    .split(",")
    .filter((k) => k.trim())
    .map(parseKey);
  const configured = env.SETTINGS_ENCRYPTION_KEY?.trim();
  if (configured) return { current: parseKey(configured), previous };
  if (env.NODE_ENV === "production") {
    throw new SecretBoxError(
      "SETTINGS_ENCRYPTION_KEY: required in production (openssl rand -base64 32); see .env.example",
    );
  }
  const authSecret = env.AUTH_SECRET;
  if (!authSecret) throw new SecretBoxError("SETTINGS_ENCRYPTION_KEY or AUTH_SECRET must be set");
  // Development and tests only: a key derived from AUTH_SECRET, so nothing extra to set up.
  const derived = Buffer.from(
    hkdfSync("sha256", authSecret, "purwantara", "settings-encryption-key:dev", 32),
  );
  return { current: keyFromBytes(derived), previous };
}

let cachedRing: SecretKeyring | undefined;
function defaultRing(): SecretKeyring {
  cachedRing ??= keyringFromEnv();
  return cachedRing;
}

/** Forgets the key ring read from the environment (tests that change it). */
export function resetSecretKeyring(): void {
  cachedRing = undefined;
}

export function seal(
  plaintext: string,
  context: string,
  ring: SecretKeyring = defaultRing(),
): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url"));
  return [version, ring.current.id, ...parts].join(".");
}

export function open(sealed: string, context: string, ring: SecretKeyring = defaultRing()): string {
  const [v, keyId, iv, tag, body, ...rest] = sealed.split(".");
  if (v !== version || !keyId || !iv || !tag || body === undefined || rest.length > 0) {
    throw new SecretBoxError("not a sealed value");
  }
  const key = [ring.current, ...ring.previous].find((k) => k.id === keyId);
  if (!key) throw new SecretBoxError(`sealed with key ${keyId}, which is not configured`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([
      decipher.update(Buffer.from(body, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new SecretBoxError("a sealed value failed its integrity check");
  }
}

/** True when the value is sealed with an older key and should be sealed again. */
export function needsResealing(sealed: string, ring: SecretKeyring = defaultRing()): boolean {
  return sealed.split(".")[1] !== ring.current.id;
}

/** Opens with whichever key sealed it and seals with the current one (key rotation). */
export function reseal(
  sealed: string,
  context: string,
  ring: SecretKeyring = defaultRing(),
): string {
  return needsResealing(sealed, ring) ? seal(open(sealed, context, ring), context, ring) : sealed;
}
