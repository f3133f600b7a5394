import { describe, expect, it } from "vitest";
import type { Delivery } from "./types";
import {
  authHeader,
  createLink,
  getJson,
  postJson,
  withEmulator,
} from "@purwantara/emulator/testing";

const emulator = withEmulator();

const { url } = emulator;

describe("fault controls", () => {
  it("fails the next N API requests with the chosen status, then recovers", async () => {
    expect((await postJson(url("/control/fail-next"), { count: 2, status: 503 })).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await fetch(url("/v1/payment-link/none"), { headers: authHeader })).status);
    }
    expect(statuses).toEqual([503, 503, 404]);
  });

  it("delays API responses by the configured latency", async () => {
    await postJson(url("/control/latency"), { ms: 300 });
    const started = Date.now();
    await fetch(url("/v1/payment-link/none"), { headers: authHeader });
    const elapsed = Date.now() - started;
    await postJson(url("/control/latency"), { ms: 0 });
    expect(elapsed).toBeGreaterThanOrEqual(290);
  });

  it("refuses an illegal transition with 409", async () => {
    const link = await createLink(emulator.baseUrl());
    const res = await postJson(url(`/control/transactions/${link.uuid}/settle`), {});
    expect(res.status).toBe(409);
    expect(res.text).toContain("ACTIVE");
  });
});

describe("transaction controls", () => {
  it("settles a paid link, recording one delivery per status change", async () => {
    const link = await createLink(emulator.baseUrl(), { title: "Two changes" });
    const paid = await postJson(url(`/control/transactions/${link.uuid}/pay`), {
      channel: "OVO",
      customer_phone: "08123456789",
    });
    expect(paid.status).toBe(200);
    const settled = await postJson(url(`/control/transactions/${link.uuid}/settle`), {});
    expect(JSON.parse(settled.text)).toMatchObject({
      transaction: { uuid: link.uuid, product: "payment-link", status: "SETTLED" },
    });
    const { deliveries } = await getJson<{ deliveries: Delivery[] }>(
      url(`/control/deliveries?uuid=${link.uuid}`),
    );
    expect(deliveries.map((d) => d.status)).toEqual(["PAID", "SETTLED"]);
    const body = JSON.parse(deliveries[1]?.body ?? "{}") as Record<string, unknown>;
    expect(body).toMatchObject({
      event: { meta: { customer_phone: "08123456789" }, channel: "OVO" },
      status: "SETTLED",
    });
  });

  it("answers 404 for an unknown transaction", async () => {
    const res = await postJson(url("/control/transactions/nope/pay"), {});
    expect(res.status).toBe(404);
    expect((await fetch(url("/control/transactions/nope"))).status).toBe(404);
  });
});

describe("cancel control", () => {
  it("cancels a virtual account but refuses a payment link", async () => {
    const va = await postJson(url("/v1/virtual-account"), {
      expected_amount: 10000,
      name: "Cancel me",
      bank: "PERMATA",
      external_id: `control-cancel-${Date.now()}`,
    });
    const uuid = (JSON.parse(va.text) as { data: { uuid: string } }).data.uuid;
    const cancelled = await postJson(url(`/control/transactions/${uuid}/cancel`), {});
    expect(JSON.parse(cancelled.text)).toMatchObject({
      transaction: { product: "virtual-account", status: "CANCELLED", bank: "PERMATA" },
    });

    const link = await createLink(emulator.baseUrl(), { title: "No cancel" });
    const refused = await postJson(url(`/control/transactions/${link.uuid}/cancel`), {});
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.text)).toEqual({
      error: "Cannot cancel “No cancel”: only a virtual-account can.",
    });
  });
});
