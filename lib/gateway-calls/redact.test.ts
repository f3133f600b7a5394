import { describe, expect, it } from "vitest";
import { endpointOf, redactGatewayBody, redacted } from "./redact";

describe("what the gateway call log keeps", () => {
  it("drops people, secrets and free text, keeps the facts support needs", () => {
    const kept = redactGatewayBody({
      external_id: "PWD-1a2b3c4d",
      amount: 150000,
      bank: "BCA",
      va_number: "8808123456789012",
      name: "Sari Wulandari",
      customer_email: "sari@example.com",
      customer_phone: "081234567890",
      title: "Kain tenun untuk Bu Sari",
      description: "Antar ke Jl. Melati 3",
      token: "sk_live_abc",
      status: "ACTIVE",
      meta: { customer_phone: null, note: "call 0812-3456-7890" },
    });
    expect(kept).toEqual({
      external_id: "PWD-1a2b3c4d",
      amount: 150000,
      bank: "BCA",
      va_number: "8808123456789012",
      name: redacted,
      customer_email: redacted,
      customer_phone: redacted,
      title: redacted,
      description: redacted,
      token: redacted,
      status: "ACTIVE",
      meta: { customer_phone: null, note: redacted },
    });
  });

  it("replaces an email or a phone number in any other text, and cuts long lists", () => {
    const kept = redactGatewayBody({
      error: { message: "payer sari@example.com / +62 812-3456-7890 already has an open VA" },
      data: Array.from({ length: 25 }, (_, i) => ({ id: i })),
    }) as { error: { message: string }; data: unknown[] };
    expect(kept.error.message).toBe("payer [email] / [phone] already has an open VA");
    expect(kept.data).toHaveLength(21);
    expect(kept.data.at(-1)).toBe("[+5 more]");
  });

  it("names an endpoint without its ids", () => {
    expect(endpointOf("virtual-account/inquiry/7b0c2d4e-1f3a-4b5c-8d9e-0a1b2c3d4e5f")).toBe(
      "virtual-account/inquiry/:id",
    );
    expect(endpointOf("/payment-link/list?page=2")).toBe("payment-link/list");
  });
});
