import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CheckoutWalletForm } from "@/channels/shared/checkout-wallet";
import type { ChannelModule } from "@/channels/shared/types";
import { createPayment } from "@/lib/payments/create-payment";
import { withGatewayTestbed } from "@/testing/gateway-testbed";
import { expectRefusedFields, payByCallback, remoteTransaction } from "./channel-create";

/** What sets one checkout-page e-wallet (ShopeePay, DANA) apart in its create test. */
export interface CheckoutWalletCase {
  module: ChannelModule;
  /** The wallet's name in the test's title. */
  label: string;
  /** Email of the file's operator (unique per file). */
  email: string;
  /** The `payment_channel` the request sends and the row keeps. */
  paymentChannel: string;
  /** The emulator's share path segment of the checkout link. */
  sharePath: string;
  /** The request's field for the return address. */
  returnField: string;
  /** The callback's `event.channel`. */
  eventChannel: string;
}

const form = (overrides: Partial<CheckoutWalletForm> = {}): CheckoutWalletForm => ({
  idempotencyKey: randomUUID(),
  amount: 80_000n,
  customerName: "Budi Santoso",
  customerEmail: "budi@example.com",
  customerPhone: "081234567890",
  description: "Batik tulis",
  returnUrl: "https://shop.example/thanks",
  ...overrides,
});

/** The create tests of a checkout-page e-wallet against the emulator. */
export function describeCheckoutWalletCreate(wallet: CheckoutWalletCase) {
  const { module } = wallet;
  const { emulator, rowOf, user } = withGatewayTestbed({ email: wallet.email });

  describe(`createPayment (${wallet.label}) against the emulator`, () => {
    it("stores an active checkout with its link", async () => {
      const result = await createPayment(module, form(), user());
      expect(result.ok).toBe(true);
      const row = await rowOf(result.transaction.id);
      expect(row).toMatchObject({
        channel: module.channel,
        state: "active",
        raw_status: "ACTIVE",
        amount: "80000.0000",
        payment_channel: wallet.paymentChannel,
        customer_name: "Budi Santoso",
        customer_phone: "081234567890",
        return_url: "https://shop.example/thanks",
      });
      const uuid = String(row?.purwantara_uuid);
      expect(row?.checkout_url).toBe(emulator.url(`/share/${wallet.sharePath}/${uuid}`));
      expect(await remoteTransaction(emulator, uuid)).toMatchObject({
        external_id: row?.external_id,
        payment_channel: wallet.paymentChannel,
        [wallet.returnField]: "https://shop.example/thanks",
      });
      // The link the buyer is sent to answers.
      expect((await fetch(String(row?.checkout_url))).status).toBe(200);
    });

    it("puts the gateway's 422 beside the amount field", async () => {
      const result = await createPayment(module, form({ amount: 999n }), user());
      expectRefusedFields(module, result, ["amount"]);
    });

    it("moves to paid on its callback, keeping the checkout link", async () => {
      const result = await createPayment(module, form({ returnUrl: null }), user());
      const row = await rowOf(result.transaction.id);
      await payByCallback(row, {
        event: {
          meta: { customer_phone: "081234567890" },
          type: "ewallet",
          channel: wallet.eventChannel,
        },
        amount: "80000.0000",
        checkout_url: String(row?.checkout_url),
      });
      expect(await rowOf(result.transaction.id)).toMatchObject({
        state: "paid",
        checkout_url: row?.checkout_url,
        return_url: null,
      });
    });
  });
}
