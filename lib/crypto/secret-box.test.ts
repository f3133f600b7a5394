import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  keyFromBytes,
  keyringFromEnv,
  needsResealing,
  open,
  parseKey,
  reseal,
  seal,
  SecretBoxError,
  type SecretKeyring,
} from "./secret-box";

const ring = (
  current = keyFromBytes(randomBytes(32)),
  previous: SecretKeyring["previous"] = [],
) => ({
  current,
  previous,
});

describe("secret box", () => {
  it("round-trips text, with a fresh nonce each time", () => {
    const keys = ring();
    const a = seal("JBSWY3DPEHPK3PXP é", "totp:1", keys);
    const b = seal("JBSWY3DPEHPK3PXP é", "totp:1", keys);
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(a.startsWith(`v1.${keys.current.id}.`)).toBe(true);
    expect(open(a, "totp:1", keys)).toBe("JBSWY3DPEHPK3PXP é");
  });

  it("refuses another context, a changed byte and an unknown key", () => {
    const keys = ring();
    const sealed = seal("secret", "totp:1", keys);
    expect(() => open(sealed, "totp:2", keys)).toThrow(SecretBoxError);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[4]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString("base64url");
    expect(() => open(parts.join("."), "totp:1", keys)).toThrow(SecretBoxError);
    expect(() => open(sealed, "totp:1", ring())).toThrow(/not configured/);
    expect(() => open("plain text", "totp:1", keys)).toThrow(/not a sealed value/);
  });

  it("rotates: old values open with the previous key and reseal under the new one", () => {
    const oldKeys = ring();
    const sealed = seal("token-1234", "gateway:sandbox:token", oldKeys);
    const rotated = ring(keyFromBytes(randomBytes(32)), [oldKeys.current]);
    expect(needsResealing(sealed, rotated)).toBe(true);
    expect(open(sealed, "gateway:sandbox:token", rotated)).toBe("token-1234");
    const resealed = reseal(sealed, "gateway:sandbox:token", rotated);
    expect(needsResealing(resealed, rotated)).toBe(false);
    expect(resealed.split(".")[1]).toBe(rotated.current.id);
    // Once the old key is dropped, only the resealed value still opens.
    const newOnly = ring(rotated.current);
    expect(open(resealed, "gateway:sandbox:token", newOnly)).toBe("token-1234");
    expect(() => open(sealed, "gateway:sandbox:token", newOnly)).toThrow(SecretBoxError);
  });

  it("reads keys from the environment: required in production, derived in development", () => {
    const key = randomBytes(32);
    const previous = randomBytes(32);
    const fromEnv = keyringFromEnv({
      NODE_ENV: "production",
      SETTINGS_ENCRYPTION_KEY: key.toString("base64"),
      SETTINGS_ENCRYPTION_KEY_PREVIOUS: previous.toString("hex"),
    });
    expect(fromEnv.current.key.equals(key)).toBe(true);
    expect(fromEnv.previous[0]!.key.equals(previous)).toBe(true);
    expect(() => keyringFromEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(40) })).toThrow(
      /required in production/,
    );
    expect(() => parseKey("too-short")).toThrow(/32 bytes/);
    const dev = keyringFromEnv({ NODE_ENV: "development", AUTH_SECRET: "a".repeat(40) });
    const devAgain = keyringFromEnv({ NODE_ENV: "test", AUTH_SECRET: "a".repeat(40) });
    expect(dev.current.id).toBe(devAgain.current.id);
    const otherSecret = keyringFromEnv({ NODE_ENV: "development", AUTH_SECRET: "b".repeat(40) });
    expect(otherSecret.current.id).not.toBe(dev.current.id);
  });
});
