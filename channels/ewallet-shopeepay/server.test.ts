import { describe, expect, it } from "vitest";
import { schemaIssues } from "@/testing/schema-issues";
import { callbackSchema } from "@purwantara/contract/callback";
import { checkoutWalletFormSchema, type CheckoutWalletForm } from "../shared/checkout-wallet";
import { ewalletShopeepay } from "./server";

const form = (overrides: Partial<CheckoutWalletForm> = {}): CheckoutWalletForm => ({
  idempotencyKey: "4b1f4c39-7d8f-4c3a-9e0e-3f3a8a0e2b11",
  amount: 80_000n,
  customerName: "Budi Santoso",
  customerEmail: "budi@example.com",
  customerPhone: "081234567890",
  description: "Batik tulis",
  returnUrl: "https://shop.example/thanks",
  ...overrides,
});
const typed = (overrides: Record<string, string> = {}) => ({
  idempotencyKey: "4b1f4c39-7d8f-4c3a-9e0e-3f3a8a0e2b11",
  amount: "Rp 80.000",
  customerName: "Budi Santoso",
  customerEmail: "budi@example.com",
  customerPhone: "081234567890",
  description: "",
  returnUrl: "",
  ...overrides,
});
const issues = (input: Record<string, string>) => schemaIssues(checkoutWalletFormSchema(), input);

describe("ShopeePay module", () => {
  it("builds POST ewallet/shopeepay exactly as the contract has it", () => {
    const { path, body } = ewalletShopeepay.createRequest(form(), "PWD-REF1");
    expect(path).toBe("ewallet/shopeepay");
    expect(body).toStrictEqual({
      amount: 80000,
      transaction_description: "Batik tulis",
      customer_email: "budi@example.com",
      customer_first_name: "Budi",
      customer_last_name: "Santoso",
      customer_phone: "081234567890",
      payment_channel: "shopee_pay",
      external_id: "PWD-REF1",
      return_url: "https://shop.example/thanks",
    });
    expect(typeof body.amount).toBe("number");
  });

  it("leaves an absent description and return URL out; one-word names have an empty last name", () => {
    const { body } = ewalletShopeepay.createRequest(
      form({ description: null, returnUrl: null, customerName: "Budi" }),
      "R",
    );
    expect(body).not.toHaveProperty("transaction_description");
    expect(body).not.toHaveProperty("return_url");
    expect(body).toMatchObject({ customer_first_name: "Budi", customer_last_name: "" });
  });

  it("accepts 08…, +62… and 62… phones and sends the 08… form", () => {
    for (const phone of ["081234567890", "+6281234567890", "6281234567890"]) {
      const parsed = checkoutWalletFormSchema().parse(typed({ customerPhone: phone }));
      expect(ewalletShopeepay.createRequest(parsed, "R").body.customer_phone).toBe("081234567890");
    }
  });

  it("checks amount, email and return URL on the form", () => {
    expect(checkoutWalletFormSchema().parse(typed()).amount).toBe(80_000n);
    expect(issues(typed({ amount: "500" }))).toEqual([["amount", "amountTooSmall"]]);
    expect(issues(typed({ customerEmail: "" }))).toEqual([["customerEmail", "emailRequired"]]);
    expect(issues(typed({ returnUrl: "ftp://x.example" }))).toEqual([["returnUrl", "urlFormat"]]);
  });

  it("stores the customer and return URL on the draft", () => {
    expect(ewalletShopeepay.draft(form())).toStrictEqual({
      title: "Batik tulis",
      description: "Batik tulis",
      paymentChannel: "shopee_pay",
      customerName: "Budi Santoso",
      customerEmail: "budi@example.com",
      customerPhone: "081234567890",
      returnUrl: "https://shop.example/thanks",
    });
  });

  it("reads uuid and checkout_url; a missing status reads as a new, active checkout", () => {
    expect(
      ewalletShopeepay.readCreated({ uuid: "u-1", checkout_url: "https://pay.example/u-1" }),
    ).toStrictEqual({
      uuid: "u-1",
      status: "ACTIVE",
      facts: { checkoutUrl: "https://pay.example/u-1" },
    });
    expect(
      ewalletShopeepay.readCreated({ uuid: "u", status: "PAID", checkout_url: "x" })?.status,
    ).toBe("PAID");
    expect(ewalletShopeepay.readCreated({ uuid: "u-1" })).toBeNull();
  });

  it("has no inquiry path and takes checkout_url from callbacks", () => {
    expect(ewalletShopeepay.inquiryPath).toBeUndefined();
    const payload = callbackSchema.parse({
      uuid: "u-1",
      status: "PAID",
      checkout_url: "https://pay.example/u-1",
    });
    expect(ewalletShopeepay.callbackFacts(payload)).toStrictEqual({
      checkoutUrl: "https://pay.example/u-1",
    });
    expect(
      ewalletShopeepay.callbackFacts(callbackSchema.parse({ uuid: "u", status: "PAID" })),
    ).toStrictEqual({});
  });

  it("maps the gateway's field names to the form's", () => {
    expect(ewalletShopeepay.gatewayFields).toMatchObject({
      amount: "amount",
      customer_first_name: "customerName",
      customer_phone: "customerPhone",
      return_url: "returnUrl",
    });
    expect(ewalletShopeepay.gatewayFields.external_id).toBeUndefined();
  });
});
