import { describe, expect, it } from "vitest";
import { schemaIssues } from "@/testing/schema-issues";
import { callbackSchema } from "@purwantara/contract/callback";
import { qris, qrisFormSchema, splitName, type QrisForm } from "./server";

const form = (overrides: Partial<QrisForm> = {}): QrisForm => ({
  idempotencyKey: "4b1f4c39-7d8f-4c3a-9e0e-3f3a8a0e2b11",
  paymentChannel: "qris_doku",
  amount: 25_000n,
  description: "Kopi susu",
  customerName: "Siti Nur Aisyah",
  customerEmail: "siti@example.com",
  customerPhone: "081234567890",
  ...overrides,
});
const typed = (overrides: Record<string, string> = {}) => ({
  idempotencyKey: "4b1f4c39-7d8f-4c3a-9e0e-3f3a8a0e2b11",
  paymentChannel: "qrisdana",
  amount: "25.000",
  description: "",
  customerName: "Siti",
  customerEmail: "siti@example.com",
  customerPhone: "0812 3456 7890",
  ...overrides,
});
const issues = (input: Record<string, string>) => schemaIssues(qrisFormSchema(), input);

describe("QRIS module", () => {
  it("builds POST qris exactly as the contract has it", () => {
    const { path, body } = qris.createRequest(form(), "PWD-REF1");
    expect(path).toBe("qris");
    expect(body).toStrictEqual({
      amount: 25000,
      transaction_description: "Kopi susu",
      customer_email: "siti@example.com",
      customer_first_name: "Siti",
      customer_last_name: "Nur Aisyah",
      customer_phone: "081234567890",
      payment_channel: "qris_doku",
      payment_method: "wallet",
      order_id: "PWD-REF1",
      merchant_trx_id: "PWD-REF1",
    });
    expect(typeof body.amount).toBe("number");
    expect(body).not.toHaveProperty("external_id");
    expect(Object.keys(body).filter((k) => /expir/.test(k))).toEqual([]);
  });

  it("sends each acquirer's code and leaves an absent description out", () => {
    for (const code of ["qris_doku", "shopeepay", "qrisdana"] as const) {
      const { body } = qris.createRequest(form({ paymentChannel: code, description: null }), "R");
      expect(body.payment_channel).toBe(code);
      expect(body.payment_method).toBe("wallet");
      expect(body).not.toHaveProperty("transaction_description");
    }
  });

  it("splits the name into the first word and the rest; one word leaves the last name empty", () => {
    expect(splitName("  Siti   Nur Aisyah ")).toEqual(["Siti", "Nur Aisyah"]);
    expect(splitName("Sukarno")).toEqual(["Sukarno", ""]);
    const { body } = qris.createRequest(form({ customerName: "Sukarno" }), "R");
    expect(body).toMatchObject({ customer_first_name: "Sukarno", customer_last_name: "" });
  });

  it("accepts 08…, +62… and 62… phones and keeps the 08… form", () => {
    for (const phone of ["0812 3456 7890", "+62 812-3456-7890", "6281234567890"]) {
      const parsed = qrisFormSchema().parse(typed({ customerPhone: phone }));
      expect(parsed.customerPhone).toBe("081234567890");
      expect(qris.createRequest(parsed, "R").body.customer_phone).toBe("081234567890");
    }
    expect(issues(typed({ customerPhone: "021 555 1234" }))).toEqual([
      ["customerPhone", "phoneFormat"],
    ]);
  });

  it("holds amounts to 1 000 – 10 000 000 and the acquirer to the three codes", () => {
    expect(qrisFormSchema().parse(typed({ amount: "Rp 10.000.000" })).amount).toBe(10_000_000n);
    expect(issues(typed({ amount: "999" }))).toEqual([["amount", "amountTooSmall"]]);
    expect(issues(typed({ amount: "10.000.001" }))).toEqual([["amount", "amountTooLarge"]]);
    expect(issues(typed({ paymentChannel: "gopay" }))).toEqual([
      ["paymentChannel", "invalidChoice"],
    ]);
    expect(issues(typed({ paymentChannel: "" }))).toEqual([["paymentChannel", "choiceRequired"]]);
    expect(issues(typed({ customerEmail: "" }))).toEqual([["customerEmail", "emailRequired"]]);
    expect(issues(typed({ customerName: " " }))).toEqual([["customerName", "required"]]);
  });

  it("stores the acquirer and customer on the draft, titled by the description or the name", () => {
    expect(qris.draft(form())).toStrictEqual({
      title: "Kopi susu",
      description: "Kopi susu",
      paymentChannel: "qris_doku",
      customerName: "Siti Nur Aisyah",
      customerEmail: "siti@example.com",
      customerPhone: "081234567890",
    });
    expect(qris.draft(form({ description: null })).title).toBe("QRIS · Siti Nur Aisyah");
  });

  it("reads the create answer: uuid, status, qr_string, expired_time", () => {
    const read = qris.readCreated({
      uuid: "u-1",
      external_id: "PWD-REF1",
      qr_string: "00020101021226...6304ABCD",
      qr_url: "https://gateway.example/qr.svg",
      expired_time: "2030-01-02T08:30:00.000000Z",
      status: "ACTIVE",
    });
    expect(read).toStrictEqual({
      uuid: "u-1",
      status: "ACTIVE",
      facts: {
        qrString: "00020101021226...6304ABCD",
        expiresAt: new Date("2030-01-02T08:30:00.000Z"),
      },
    });
    expect(qris.readCreated({ uuid: "u-1", qr_string: "x", status: "ACTIVE" })).toMatchObject({
      facts: { qrString: "x" },
    });
    expect(
      qris.readCreated({ uuid: "u", qr_string: "x", status: "A", payment_channel: "qrisdana" })
        ?.facts.paymentChannel,
    ).toBe("qrisdana");
  });

  it("refuses an answer without the QR payload or the status ([seen] in the contract)", () => {
    expect(qris.readCreated({ uuid: "u-1", status: "ACTIVE" })).toBeNull();
    expect(qris.readCreated({ uuid: "u-1", qr_string: "x" })).toBeNull();
    expect(qris.readCreated(null)).toBeNull();
  });

  it("asks qris/inquiry/{uuid}, and qris/list for a payment without a uuid", () => {
    expect(qris.inquiryPath?.("a/b")).toBe("qris/inquiry/a%2Fb");
    expect(qris.listPath).toBe("qris/list");
  });

  it("takes qr_string and payment_channel from callbacks, skipping odd values", () => {
    const payload = callbackSchema.parse({
      uuid: "u-1",
      status: "PAID",
      qr_string: "000201...",
      payment_channel: "shopeepay",
    });
    expect(qris.callbackFacts(payload)).toStrictEqual({
      qrString: "000201...",
      paymentChannel: "shopeepay",
    });
    const odd = callbackSchema.parse({
      uuid: "u",
      status: "PAID",
      qr_string: 5,
      payment_channel: "",
    });
    expect(qris.callbackFacts(odd)).toStrictEqual({});
  });

  it("maps the gateway's field names to the form's; our references go to the form", () => {
    expect(qris.gatewayFields).toMatchObject({
      amount: "amount",
      transaction_description: "description",
      customer_first_name: "customerName",
      customer_phone: "customerPhone",
      payment_channel: "paymentChannel",
    });
    expect(qris.gatewayFields.order_id).toBeUndefined();
  });

  it("prefills a new form from an earlier payment", () => {
    const row = {
      amount: "25000.0000",
      paymentChannel: "DANA",
      description: null,
      customerName: "Siti",
      customerEmail: "siti@example.com",
      customerPhone: "081234567890",
    } as Parameters<typeof qris.prefill>[0];
    expect(qris.prefill(row)).toStrictEqual({
      paymentChannel: "qris_doku",
      amount: "25000",
      description: "",
      customerName: "Siti",
      customerEmail: "siti@example.com",
      customerPhone: "081234567890",
    });
  });
});
