import { describe, expect, it } from "vitest";
import { callbackSchema } from "@purwantara/contract/callback";
import { parseZonedDateTime } from "@/lib/core/time";
import { virtualAccount, virtualAccountFormSchema, type VirtualAccountForm } from "./server";

const expiresAt = parseZonedDateTime("2030-01-02T15:30", "Asia/Jakarta")!;
const form = (overrides: Partial<VirtualAccountForm> = {}): VirtualAccountForm => ({
  idempotencyKey: "4b1f4c39-7d8f-4c3a-9e0e-3f3a8a0e2b11",
  bank: "BCA",
  name: "Budi Santoso",
  amount: 150_000n,
  description: "Tenun ikat",
  expiresAt,
  ...overrides,
});

describe("virtual account module", () => {
  it("builds POST virtual-account exactly as the contract has it", () => {
    const { path, body } = virtualAccount.createRequest(form(), "PWD-REF1");
    expect(path).toBe("virtual-account");
    expect(body).toStrictEqual({
      expected_amount: 150000,
      name: "Budi Santoso",
      bank: "BCA",
      description: "Tenun ikat",
      expired_at: "2030-01-02T15:30:00+07:00",
      external_id: "PWD-REF1",
      merchant_trx_id: "PWD-REF1",
      payment_code: null,
    });
    expect(typeof body.expected_amount).toBe("number");
  });

  it("describes a payment without a description by its bank and name", () => {
    const { body } = virtualAccount.createRequest(form({ description: null }), "R");
    expect(body.description).toBe("VA BCA · Budi Santoso");
    expect(virtualAccount.draft(form({ description: null }))).toStrictEqual({
      title: "VA BCA · Budi Santoso",
      description: null,
      bank: "BCA",
      customerName: "Budi Santoso",
      expiresAt,
    });
  });

  it("validates the form: a listed bank, a name, at least 10 000", () => {
    const schema = virtualAccountFormSchema("Asia/Jakarta");
    const base = {
      idempotencyKey: "4b1f4c39-7d8f-4c3a-9e0e-3f3a8a0e2b11",
      bank: "BNI",
      name: "Sari",
      amount: "Rp 10.000",
      description: "",
      expiresAt: "2030-01-02T15:30",
    };
    const ok = schema.parse(base);
    expect(ok).toMatchObject({ bank: "BNI", amount: 10000n, description: null });
    const messages = (input: Record<string, string>) =>
      schema.safeParse({ ...base, ...input }).error?.issues.map((i) => i.message);
    expect(messages({ amount: "9999" })).toEqual(["amountTooSmall"]);
    expect(messages({ bank: "" })).toEqual(["choiceRequired"]);
    expect(messages({ bank: "bca" })).toEqual(["invalidChoice"]);
    expect(messages({ name: " " })).toEqual(["required"]);
  });

  it("reads the create answer: uuid, status, VA number, fee, total, expiry", () => {
    const read = virtualAccount.readCreated({
      uuid: "u-1",
      external_id: "PWD-REF1",
      name: "Budi Santoso",
      amount: "150000.0000",
      fee: "4500.0000",
      total: "150000.0000",
      fee_charged_to: "merchant",
      va_number: "7001200012345678",
      description: "Tenun ikat",
      expired_at: "2030-01-02T08:30:00.000000Z",
      payment_code: null,
      status: "ACTIVE",
    });
    expect(read).toStrictEqual({
      uuid: "u-1",
      status: "ACTIVE",
      facts: {
        vaNumber: "7001200012345678",
        fee: "4500.0000",
        total: "150000.0000",
        expiresAt: new Date("2030-01-02T08:30:00Z"),
      },
    });
    expect(
      virtualAccount.readCreated({ uuid: "u-2", va_number: "1", status: "ACTIVE", bank: "BRI" })
        ?.facts.bank,
    ).toBe("BRI");
    expect(virtualAccount.readCreated({ uuid: "u-1", status: "ACTIVE" })).toBeNull();
  });

  it("takes the VA number, fee, total and bank from a callback, skipping odd values", () => {
    const payload = callbackSchema.parse({
      uuid: "u-1",
      status: "PAID",
      event: { type: "virtual-account", channel: "BCA" },
      va_number: "7001200012345678",
      fee: "4500.0000",
      total: "150000.0000",
      bank: "BCA",
    });
    expect(virtualAccount.callbackFacts(payload)).toStrictEqual({
      vaNumber: "7001200012345678",
      fee: "4500.0000",
      total: "150000.0000",
      bank: "BCA",
    });
    const odd = callbackSchema.parse({
      uuid: "u",
      status: "PAID",
      fee: "1e999",
      total: {},
      bank: "XYZ",
    });
    expect(virtualAccount.callbackFacts(odd)).toStrictEqual({});
  });

  it("maps every gateway field to a form field, and asks the inquiry path", () => {
    expect(virtualAccount.gatewayFields).toStrictEqual({
      expected_amount: "amount",
      expired_at: "expiresAt",
      name: "name",
      bank: "bank",
      description: "description",
    });
    const formKeys = Object.keys(virtualAccountFormSchema("Asia/Jakarta").shape);
    for (const field of Object.values(virtualAccount.gatewayFields))
      expect(formKeys).toContain(field);
    expect(virtualAccount.inquiryPath?.("a/b")).toBe("virtual-account/inquiry/a%2Fb");
  });
});
