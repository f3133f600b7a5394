import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decryptSecret,
  encryptSecret,
  parseKeyring,
  resealSecret,
  sealedKeyId,
  SecretBoxError,
} from "./secret-box";

const key = (id: string) => `${id}:${randomBytes(32).toString("base64")}`;

describe("secret box", () => {
  const ring = parseKeyring(key("k1"));

  it("opens what it sealed, and the sealed text does not contain the secret", () => {
    const sealed = encryptSecret("tok-1234567890", "ctx", ring);
    expect(sealed).not.toContain("tok-1234567890");
    expect(sealed.startsWith("sb1.k1.")).toBe(true);
    expect(decryptSecret(sealed, "ctx", ring)).toBe("tok-1234567890");
  });

  it("seals the same secret differently each time (fresh IV)", () => {
    expect(encryptSecret("same", "ctx", ring)).not.toBe(encryptSecret("same", "ctx", ring));
  });

  it("refuses a value moved to another field or altered", () => {
    const sealed = encryptSecret("secret", "gateway_settings:sandbox:token", ring);
    expect(() => decryptSecret(sealed, "gateway_settings:production:token", ring)).toThrow(
      SecretBoxError,
    );
    const parts = sealed.split(".");
    const body = Buffer.from(parts[4]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString("base64url");
    expect(() => decryptSecret(parts.join("."), "gateway_settings:sandbox:token", ring)).toThrow(
      SecretBoxError,
    );
  });

  it("rotates keys: the new key seals, the old one still opens, a re-key moves values over", () => {
    const oldRing = parseKeyring(key("old"));
    const sealedOld = encryptSecret("s3cret", "ctx", oldRing);
    const rotated = parseKeyring(`${key("new")},old:${oldRing[0]!.key.toString("base64")}`);
    expect(decryptSecret(sealedOld, "ctx", rotated)).toBe("s3cret");
    expect(sealedKeyId(encryptSecret("x", "ctx", rotated))).toBe("new");
    const resealed = resealSecret(sealedOld, "ctx", rotated);
    expect(sealedKeyId(resealed)).toBe("new");
    expect(resealSecret(resealed, "ctx", rotated)).toBe(resealed);
    // Once the old key is dropped, only the re-keyed value still opens.
    const newOnly = parseKeyring(`new:${rotated[0]!.key.toString("base64")}`);
    expect(decryptSecret(resealed, "ctx", newOnly)).toBe("s3cret");
    expect(() => decryptSecret(sealedOld, "ctx", newOnly)).toThrow(/key old/);
  });

  it("rejects malformed key rings with a message naming the entry, not the key", () => {
    expect(() => parseKeyring("nokey")).toThrow(/entry 1/);
    expect(() => parseKeyring("k1:c2hvcnQ=")).toThrow(/32 bytes/);
    const k = key("a");
    expect(() => parseKeyring(`${k},${k}`)).toThrow(/repeats/);
  });
});
