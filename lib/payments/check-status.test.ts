import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { virtualAccount, type VirtualAccountForm } from "@/channels/virtual-account/server";
import { withGatewayTestbed } from "@/testing/gateway-testbed";
import { cancelPayment } from "./cancel-payment";
import { checkPaymentStatus } from "./check-status";
import { createPayment } from "./create-payment";

const { emulator, control, rowOf, eventsOf, user } = withGatewayTestbed({
  email: "chk@example.com",
});

const form = (): VirtualAccountForm => ({
  idempotencyKey: randomUUID(),
  bank: "BNI",
  name: "Sari",
  amount: 50_000n,
  description: "Kain songket",
  expiresAt: new Date(Date.now() + 86_400_000),
});

describe("checkPaymentStatus", () => {
  it("finds a payment whose create answer never came, by our reference, and brings it to life", async () => {
    // The gateway makes the VA, then answers too late for us.
    await control("latency", { ms: 1800 });
    const result = await createPayment(virtualAccount, form(), user());
    await control("latency", { ms: 0 });
    expect(result.ok).toBe(false);
    expect(await rowOf(result.transaction.id)).toMatchObject({ state: "unconfirmed" });

    expect(await checkPaymentStatus(result.transaction.id, "local")).toBe("updated");
    const row = await rowOf(result.transaction.id);
    expect(row).toMatchObject({ state: "active", raw_status: "ACTIVE" });
    expect(String(row?.va_number)).toMatch(/^8808\d{12}$/);
    expect((await eventsOf(result.transaction.id)).at(-1)).toEqual({
      source: "sync",
      to_state: "active",
    });
  });

  it("settles an unconfirmed row as Not created when Purwantara has no such payment", async () => {
    await control("fail-next", { count: 1, status: 503 });
    const result = await createPayment(virtualAccount, form(), user());
    expect(await rowOf(result.transaction.id)).toMatchObject({ state: "unconfirmed" });
    expect(await checkPaymentStatus(result.transaction.id, "local")).toBe("not_found_at_gateway");
    expect(await rowOf(result.transaction.id)).toMatchObject({ state: "failed_to_create" });
  });

  it("learns of a payment whose callback was lost, through the inquiry endpoint", async () => {
    const result = await createPayment(virtualAccount, form(), user());
    const uuid = String((await rowOf(result.transaction.id))?.purwantara_uuid);
    await control("drop-callbacks", { count: 1 });
    await control(`transactions/${uuid}/pay`);
    expect(await rowOf(result.transaction.id)).toMatchObject({ state: "active" });
    expect(await checkPaymentStatus(result.transaction.id, "local")).toBe("updated");
    expect(await rowOf(result.transaction.id)).toMatchObject({ state: "paid", raw_status: "PAID" });
    expect(await checkPaymentStatus(result.transaction.id, "local")).toBe("unchanged");
  });
});

describe("cancelPayment", () => {
  it("cancels an open VA at Purwantara and on our row, with a staff event", async () => {
    const result = await createPayment(virtualAccount, form(), user());
    const cancelled = await cancelPayment(result.transaction.id, user());
    expect(cancelled).toMatchObject({ state: "cancelled", rawStatus: "CANCELLED" });
    expect((await eventsOf(result.transaction.id)).at(-1)).toEqual({
      source: "user",
      to_state: "cancelled",
    });
    const uuid = String((await rowOf(result.transaction.id))?.purwantara_uuid);
    const state = await (await fetch(emulator.url(`/control/transactions/${uuid}`))).json();
    expect(JSON.stringify(state)).toContain("CANCELLED");
    // Nothing left to cancel.
    await expect(cancelPayment(result.transaction.id, user())).rejects.toThrow();
  });
});
