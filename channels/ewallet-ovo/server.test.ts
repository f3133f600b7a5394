import { describe, expect, it } from "vitest";
import { schemaIssues } from "@/testing/schema-issues";
import { callbackSchema } from "@purwantara/contract/callback";
import { ewalletOvo, ovoFormSchema, type OvoForm } from "./server";

const form = (overrides: Partial<OvoForm> = {}): OvoForm => ({
  idempotencyKey: "4b1f4c39-7d8f-4c3a-9e0e-3f3a8a0e2b11",
  amount: 50_000n,
  customerPhone: "081234567890",
  customerEmail: "budi@example.com",
  description: "Nasi goreng",
  ...overrides,
});
const typed = (overrides: Record<string, string> = {}) => ({
  idempotencyKey: "4b1f4c39-7d8f-4c3a-9e0e-3f3a8a0e2b11",
  amount: "50.000",
  customerPhone: "0812 3456 7890",
  customerEmail: "",
  description: "",
  ...overrides,
});
const issues = (input: Record<string, string>) => schemaIssues(ovoFormSchema(), input);

describe("OVO module", () => {
  it("builds POST ewallet/ovo exactly as the contract has it", () => {
    const { path, body } = ewalletOvo.createRequest(form(), "PWD-REF1");
    expect(path).toBe("ewallet/ovo");
    expect(body).toStrictEqual({
      amount: 50000,
      customer_phone: "081234567890",
      customer_email: "budi@example.com",
      payment_channel: "OVO",
      external_id: "PWD-REF1",
      description: "Nasi goreng",
    });
    expect(typeof body.amount).toBe("number");
  });

  it("leaves an absent email and description out", () => {
    const { body } = ewalletOvo.createRequest(
      form({ customerEmail: null, description: null }),
      "R",
    );
    expect(body).toStrictEqual({
      amount: 50000,
      customer_phone: "081234567890",
      payment_channel: "OVO",
      external_id: "R",
    });
  });

  it("accepts 08…, +62… and 62… phones and sends the 08… form", () => {
    for (const phone of ["0812-3456-7890", "+62 812 3456 7890", "62 812 3456 7890"]) {
      const parsed = ovoFormSchema().parse(typed({ customerPhone: phone }));
      expect(ewalletOvo.createRequest(parsed, "R").body.customer_phone).toBe("081234567890");
    }
    expect(issues(typed({ customerPhone: "" }))).toEqual([["customerPhone", "phoneRequired"]]);
    expect(issues(typed({ customerPhone: "+1 415 555 0100" }))).toEqual([
      ["customerPhone", "phoneFormat"],
    ]);
  });

  it("takes the email as optional, the amount from 1 000, no maximum below the sane one", () => {
    expect(ovoFormSchema().parse(typed()).customerEmail).toBeNull();
    expect(issues(typed({ customerEmail: "budi@" }))).toEqual([["customerEmail", "email"]]);
    expect(issues(typed({ amount: "999" }))).toEqual([["amount", "amountTooSmall"]]);
    expect(ovoFormSchema().parse(typed({ amount: "1.000" })).amount).toBe(1000n);
  });

  it("stores the phone and OVO on the draft", () => {
    expect(ewalletOvo.draft(form())).toStrictEqual({
      title: "Nasi goreng",
      description: "Nasi goreng",
      paymentChannel: "OVO",
      customerEmail: "budi@example.com",
      customerPhone: "081234567890",
    });
    expect(ewalletOvo.draft(form({ description: null })).title).toBe("OVO · 081234567890");
  });

  it("reads uuid, status and the phone the push went to", () => {
    expect(
      ewalletOvo.readCreated({ uuid: "u-1", status: "ACTIVE", customer_phone: "081234567890" }),
    ).toStrictEqual({ uuid: "u-1", status: "ACTIVE", facts: { customerPhone: "081234567890" } });
  });

  it("reads an answer with only the [seen] uuid as a new, active push", () => {
    expect(ewalletOvo.readCreated({ uuid: "u-1" })).toStrictEqual({
      uuid: "u-1",
      status: "ACTIVE",
      facts: {},
    });
    expect(ewalletOvo.readCreated({ status: "ACTIVE" })).toBeNull();
  });

  it("has no inquiry path and nothing of its own in callbacks", () => {
    expect(ewalletOvo.inquiryPath).toBeUndefined();
    const payload = callbackSchema.parse({
      uuid: "u-1",
      status: "PAID",
      event: { type: "ewallet", channel: "OVO" },
      customer_phone: "081234567890",
    });
    expect(ewalletOvo.callbackFacts(payload)).toStrictEqual({});
  });

  it("maps the gateway's field names to the form's", () => {
    expect(ewalletOvo.gatewayFields).toStrictEqual({
      amount: "amount",
      customer_phone: "customerPhone",
      customer_email: "customerEmail",
      description: "description",
    });
  });
});
