import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { creatableChannels, getChannelModule } from "@/channels/server";
import { queryTestDb } from "@/testing/database";
import { withGatewayTestbed } from "@/testing/gateway-testbed";
import { zonedInputValueFromNow } from "@/lib/core/time";
import { createPayment } from "./create-payment";

const { db, emulator, user } = withGatewayTestbed({ email: "every@example.com" });

const expiry = () => zonedInputValueFromNow(86_400_000, "Asia/Jakarta");
const customer = {
  customerName: "Rina Wijaya",
  customerEmail: "rina@example.com",
  customerPhone: "+62 812-3456-7890",
};

/** What a person types into each channel's form: strings, as FormData carries them. */
const typed: Record<string, () => Record<string, string>> = {
  "virtual-account": () => ({
    bank: "BRI",
    name: "Sari",
    amount: "50.000",
    description: "",
    expiresAt: expiry(),
  }),
  qris: () => ({
    paymentChannel: "qris_doku",
    amount: "Rp 25.000",
    description: "Kopi",
    ...customer,
  }),
  "ewallet-ovo": () => ({
    amount: "15000",
    customerPhone: "081234567890",
    customerEmail: "",
    description: "",
  }),
  "ewallet-shopeepay": () => ({ amount: "20.000", description: "", returnUrl: "", ...customer }),
  "ewallet-dana": () => ({ amount: "30.000", description: "", returnUrl: "", ...customer }),
  "payment-link": () => ({
    title: "Tenun",
    amount: "75.000",
    description: "",
    expiresAt: expiry(),
    returnUrl: "",
  }),
  counter: () => ({ name: "Budi", amount: "60000", description: "", expiresAt: expiry() }),
};

const rowsOf = (id: string) =>
  queryTestDb<{ state: string; external_id: string }>(
    db.url(),
    "select state, external_id from transactions where id = $1",
    [id],
  );

/** How many payments the emulator holds with our reference. */
async function atGateway(reference: string): Promise<number> {
  const response = await fetch(emulator.url("/control/transactions"));
  const { transactions } = (await response.json()) as { transactions: { external_id?: string }[] };
  return transactions.filter((t) => t.external_id === reference).length;
}

describe("createPayment, for every channel", () => {
  it("has a typed form for every channel the picker offers", () => {
    expect(Object.keys(typed).sort()).toEqual([...creatableChannels].sort());
  });

  for (const channel of Object.keys(typed)) {
    it(`${channel}: what a person types is accepted, and a double submit makes one payment`, async () => {
      const channelModule = getChannelModule(channel)!;
      const form = channelModule.formSchema("Asia/Jakarta").parse({
        idempotencyKey: randomUUID(),
        ...typed[channel]!(),
      });
      const [first, second] = await Promise.all([
        createPayment(channelModule, form, user()),
        createPayment(channelModule, form, user()),
      ]);
      expect(first.ok && second.ok).toBe(true);
      expect(second.transaction.id).toBe(first.transaction.id);
      const rows = await rowsOf(first.transaction.id);
      expect(rows).toMatchObject([{ state: "active" }]);
      expect(await atGateway(rows[0]!.external_id)).toBe(1);
    });
  }
});
