import { describe, expect, it } from "vitest";
import { callbackSchema } from "@purwantara/contract/callback";
import { parseZonedDateTime } from "@/lib/core/time";
import { counter, counterFormSchema, type CounterForm } from "./server";

const expiresAt = parseZonedDateTime("2030-01-02T15:30", "Asia/Jakarta")!;
const form = (overrides: Partial<CounterForm> = {}): CounterForm => ({
  idempotencyKey: "4b1f4c39-7d8f-4c3a-9e0e-3f3a8a0e2b11",
  name: "Budi Santoso",
  amount: 25_000n,
  description: "Pulsa",
  expiresAt,
  ...overrides,
});

describe("counter module", () => {
  it("builds POST counter exactly as the contract has it", () => {
    const { path, body } = counter.createRequest(form(), "PWD-REF2");
    expect(path).toBe("counter");
    expect(body).toStrictEqual({
      expected_amount: 25000,
      name: "Budi Santoso",
      description: "Pulsa",
      expired_at: "2030-01-02T15:30:00+07:00",
      external_id: "PWD-REF2",
      merchant_trx_id: "PWD-REF2",
      payment_channel: "Alfamart",
    });
  });

  it("stores the row's own fields, titled by whose bill it is without a description", () => {
    expect(counter.draft(form({ description: null }))).toStrictEqual({
      title: "Alfamart · Budi Santoso",
      description: null,
      paymentChannel: "Alfamart",
      customerName: "Budi Santoso",
      expiresAt,
    });
    expect(counter.createRequest(form({ description: null }), "R").body.description).toBe(
      "Alfamart · Budi Santoso",
    );
  });

  it("validates the form: a name and at least 10 000", () => {
    const schema = counterFormSchema("Asia/Jakarta");
    const base = {
      idempotencyKey: "4b1f4c39-7d8f-4c3a-9e0e-3f3a8a0e2b11",
      name: "Sari",
      amount: "10.000",
      description: "",
      expiresAt: "2030-01-02T15:30",
    };
    expect(schema.parse(base)).toMatchObject({ amount: 10000n, description: null });
    const messages = (input: Record<string, string>) =>
      schema.safeParse({ ...base, ...input }).error?.issues.map((i) => i.message);
    expect(messages({ amount: "9.999" })).toEqual(["amountTooSmall"]);
    expect(messages({ name: "" })).toEqual(["required"]);
  });

  it("reads the create answer, taking ACTIVE when it carries no status", () => {
    expect(
      counter.readCreated({
        uuid: "u-1",
        payment_code: "PWT0123456789",
        payment_channel: "Alfamart",
      }),
    ).toStrictEqual({
      uuid: "u-1",
      status: "ACTIVE",
      facts: { paymentCode: "PWT0123456789", paymentChannel: "Alfamart" },
    });
    expect(counter.readCreated({ uuid: "u-1", payment_code: "PWT1", status: "PAID" })?.status).toBe(
      "PAID",
    );
    expect(counter.readCreated({ uuid: "u-1" })).toBeNull();
  });

  it("takes the payment code from a callback", () => {
    const payload = callbackSchema.parse({
      uuid: "u-1",
      status: "PAID",
      event: { type: "counter", channel: "ALFAMART" },
      payment_code: "PWT0123456789",
    });
    expect(counter.callbackFacts(payload)).toStrictEqual({ paymentCode: "PWT0123456789" });
    expect(
      counter.callbackFacts(callbackSchema.parse({ uuid: "u", status: "PAID", payment_code: 7 })),
    ).toStrictEqual({});
  });

  it("maps every gateway field to a form field, and asks the inquiry path", () => {
    expect(counter.gatewayFields).toStrictEqual({
      expected_amount: "amount",
      expired_at: "expiresAt",
      name: "name",
      description: "description",
    });
    const formKeys = Object.keys(counterFormSchema("Asia/Jakarta").shape);
    for (const field of Object.values(counter.gatewayFields)) expect(formKeys).toContain(field);
    expect(counter.inquiryPath?.("u-1")).toBe("counter/inquiry/u-1");
  });
});
