import "server-only";
import { getEnv } from "@/lib/env";
import * as core from "./secret-box-core";

export {
  parseKeyring,
  sealedKeyId,
  SecretBoxError,
  type Keyring,
  type SecretKey,
} from "./secret-box-core";

/**
 * Secrets at rest for the app: AES-256-GCM with the key ring in SETTINGS_ENCRYPTION_KEY
 * (`id:base64key[,id:base64key...]`, newest first). See ./secret-box-core.ts.
 */
export function configuredKeyring(): core.Keyring | null {
  const raw = getEnv().settingsEncryptionKey;
  return raw ? core.parseKeyring(raw) : null;
}

export function encryptSecret(plaintext: string, context: string, keyring?: core.Keyring): string {
  return core.encryptSecret(plaintext, context, keyring ?? configuredKeyring());
}

export function decryptSecret(sealed: string, context: string, keyring?: core.Keyring): string {
  return core.decryptSecret(sealed, context, keyring ?? configuredKeyring());
}

export function resealSecret(sealed: string, context: string, keyring?: core.Keyring): string {
  return core.resealSecret(sealed, context, keyring ?? configuredKeyring());
}
