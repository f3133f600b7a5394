import { describe, expect, it } from "vitest";
import type { CallbackPayload } from "@purwantara/contract/callback";
import { withoutUnsafeUrls } from "./checks";

const payload = (url: string): CallbackPayload => ({
  uuid: "u",
  status: "PAID",
  payment_link_url: url,
});

describe("withoutUnsafeUrls", () => {
  it("keeps https everywhere, and the http Purwantara's own callbacks carry", () => {
    for (const url of ["https://pay.example/x", "http://purwantara.id/share/payment-links/1"]) {
      expect(withoutUnsafeUrls(payload(url), "production")).toEqual({
        payload: payload(url),
        note: null,
      });
    }
  });

  it("keeps plain http only against the local emulator", () => {
    const local = withoutUnsafeUrls(payload("http://127.0.0.1:4010/share/x"), "local");
    expect(local.note).toBeNull();
    const live = withoutUnsafeUrls(payload("http://shop.example/pay"), "production");
    expect(live.payload.payment_link_url).toBeUndefined();
    expect(live.note).toBe(
      'payment_link_url "http://shop.example/pay" refused (not a safe https address)',
    );
  });

  it("refuses other schemes and non-addresses, in every mode", () => {
    for (const url of ["javascript:alert(1)", "data:text/html,x", "//evil.example", "x"]) {
      expect(withoutUnsafeUrls(payload(url), "local").payload.payment_link_url).toBeUndefined();
    }
  });
});
