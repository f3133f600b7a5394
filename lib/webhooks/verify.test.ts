import { describe, expect, it } from "vitest";
import type { CallbackSecret } from "@/lib/gateway/config";
import { localCallbackSecret } from "@purwantara/contract";
import { signCallbackBody } from "@purwantara/contract/signature";
import { usableSecrets, verifyDelivery } from "./verify";

const body = Buffer.from('{"uuid":"u","status":"PAID"}');
const secrets: CallbackSecret[] = [
  { mode: "sandbox", slot: "current", secret: "sandbox-new" },
  { mode: "sandbox", slot: "previous", secret: "sandbox-old" },
  { mode: "production", slot: "current", secret: "live-secret" },
];

describe("verifyDelivery", () => {
  it("takes the mode and slot of the secret that signed the bytes", () => {
    expect(verifyDelivery(body, signCallbackBody(body, "live-secret"), secrets)).toEqual({
      ok: true,
      mode: "production",
      slot: "current",
    });
    expect(verifyDelivery(body, signCallbackBody(body, "sandbox-old"), secrets)).toEqual({
      ok: true,
      mode: "sandbox",
      slot: "previous",
    });
    // Upper-case hex and surrounding space are the same signature.
    const upper = ` ${signCallbackBody(body, "sandbox-new").toUpperCase()} `;
    expect(verifyDelivery(body, upper, secrets)).toMatchObject({ ok: true, mode: "sandbox" });
  });

  it("refuses a missing, malformed or foreign signature, with the reason", () => {
    expect(verifyDelivery(body, null, secrets)).toEqual({ ok: false, reason: "no_signature" });
    expect(verifyDelivery(body, "  ", secrets)).toEqual({ ok: false, reason: "no_signature" });
    expect(verifyDelivery(body, "abc", secrets)).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyDelivery(body, signCallbackBody(body, "other"), secrets)).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    // The bytes are what is signed: one byte more and it no longer verifies.
    const signed = signCallbackBody(body, "live-secret");
    expect(verifyDelivery(Buffer.concat([body, Buffer.from(" ")]), signed, secrets).ok).toBe(false);
    expect(verifyDelivery(body, signed, [])).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a signature that proves two modes at once (one secret shared by both)", () => {
    const shared: CallbackSecret[] = [
      { mode: "sandbox", slot: "current", secret: "same" },
      { mode: "production", slot: "current", secret: "same" },
    ];
    expect(verifyDelivery(body, signCallbackBody(body, "same"), shared)).toEqual({
      ok: false,
      reason: "ambiguous_secret",
    });
  });
});

describe("usableSecrets", () => {
  const local: CallbackSecret = { mode: "local", slot: "current", secret: localCallbackSecret };
  const smuggled: CallbackSecret = {
    mode: "production",
    slot: "previous",
    secret: localCallbackSecret,
  };
  const real = secrets[2]!;

  it("accepts the emulator's public secret only for local mode", () => {
    expect(usableSecrets([local, smuggled, real], { production: false, localDemo: false })).toEqual(
      [local, real],
    );
  });

  it("refuses it in a production build unless local mode was chosen for a demo", () => {
    expect(usableSecrets([local, real], { production: true, localDemo: false })).toEqual([real]);
    expect(usableSecrets([local, real], { production: true, localDemo: true })).toEqual([
      local,
      real,
    ]);
  });
});
