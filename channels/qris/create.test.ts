import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { crc16CcittFalse } from "@purwantara/emulator/testing";
import { checkPaymentStatus } from "@/lib/payments/check-status";
import { createPayment } from "@/lib/payments/create-payment";
import { withGatewayTestbed } from "@/testing/gateway-testbed";
import {
  expectRefusedFields,
  inquiryData,
  payByCallback,
  remoteTransaction,
} from "@/testing/channel-create";
import { qris, type QrisForm } from "./server";

const { emulator, control, rowOf, user } = withGatewayTestbed({ email: "qris@example.com" });

const form = (overrides: Partial<QrisForm> = {}): QrisForm => ({
  idempotencyKey: randomUUID(),
  paymentChannel: "qrisdana",
  amount: 25_000n,
  description: "Kopi susu",
  customerName: "Siti Nur Aisyah",
  customerEmail: "siti@example.com",
  customerPhone: "081234567890",
  ...overrides,
});

describe("createPayment (QRIS) against the emulator", () => {
  it("stores an active QRIS with its EMV payload (valid CRC) and the gateway's expiry", async () => {
    const before = Date.now();
    const result = await createPayment(qris, form(), user());
    expect(result.ok).toBe(true);
    const row = await rowOf(result.transaction.id);
    expect(row).toMatchObject({
      channel: "qris",
      state: "active",
      raw_status: "ACTIVE",
      amount: "25000.0000",
      payment_channel: "qrisdana",
      customer_name: "Siti Nur Aisyah",
      customer_phone: "081234567890",
      title: "Kopi susu",
    });
    const qr = String(row?.qr_string);
    expect(qr).toMatch(/^000201/);
    expect(qr).toMatch(/6304[0-9A-F]{4}$/);
    expect(parseInt(qr.slice(-4), 16)).toBe(crc16CcittFalse(qr.slice(0, -4)));
    expect(qr).toContain("ID.DANA.WWW");
    expect(qr).toContain("540525000");
    // [chosen by the emulator] 30 minutes, as the gateway's expired_time says.
    const expires = (row?.expires_at as Date).getTime();
    expect(expires - before).toBeGreaterThan(29 * 60_000);
    expect(expires - before).toBeLessThan(31 * 60_000);

    // The emulator refuses a QRIS without payment_method "wallet" and order_id; it took ours.
    expect(await remoteTransaction(emulator, row?.purwantara_uuid)).toMatchObject({
      external_id: row?.external_id,
      merchant_trx_id: row?.external_id,
      payment_channel: "qrisdana",
      transaction_description: "Kopi susu",
      qr_string: qr,
    });
  });

  it("reads the inquiry answer with the same module", async () => {
    const result = await createPayment(qris, form({ paymentChannel: "shopeepay" }), user());
    const row = await rowOf(result.transaction.id);
    const uuid = String(row?.purwantara_uuid);
    expect(qris.readCreated(await inquiryData(emulator, qris, uuid))).toMatchObject({
      uuid,
      status: "ACTIVE",
      facts: { qrString: row?.qr_string, paymentChannel: "shopeepay" },
    });
  });

  it("puts the gateway's 422 on an amount over the QRIS cap beside the amount field", async () => {
    const result = await createPayment(qris, form({ amount: 10_000_001n }), user());
    const fields = expectRefusedFields(qris, result, ["amount"]);
    if (result.ok) return;
    expect(result.error).toMatchObject({ kind: "validation", httpStatus: 422 });
    expect(fields).toEqual(["amount"]);
    expect(await rowOf(result.transaction.id)).toMatchObject({ state: "failed_to_create" });
  });

  it("moves to paid on its callback and keeps the acquirer it was made with", async () => {
    const result = await createPayment(qris, form(), user());
    const row = await rowOf(result.transaction.id);
    await payByCallback(row, {
      event: { meta: { customer_phone: "081234567890" }, type: "qris", channel: "DANA" },
      amount: "25000.0000",
      qr_string: String(row?.qr_string),
      payment_channel: "qrisdana",
    });
    expect(await rowOf(result.transaction.id)).toMatchObject({
      state: "paid",
      qr_string: row?.qr_string,
      payment_channel: "qrisdana",
    });
  });

  it("finds an unconfirmed QRIS through qris/list by its order_id and fills in the QR", async () => {
    await control("latency", { ms: 1500 });
    const result = await createPayment(qris, form(), user()).finally(() =>
      control("latency", { ms: 0 }),
    );
    expect(await rowOf(result.transaction.id)).toMatchObject({
      state: "unconfirmed",
      qr_string: null,
    });
    expect(await checkPaymentStatus(result.transaction.id, "local")).toBe("updated");
    const row = await rowOf(result.transaction.id);
    expect(row).toMatchObject({ state: "active", purwantara_uuid: expect.any(String) });
    expect(String(row?.qr_string)).toMatch(/6304[0-9A-F]{4}$/);
  });
});
