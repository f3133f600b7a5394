import { afterEach, describe, expect, it } from "vitest";
import { callbackHeaders } from "@purwantara/contract";
import { verifyCallbackSignature } from "@purwantara/contract/signature";
import {
  createLink,
  eventually,
  getJson,
  postJson,
  startEmulator,
  startReceiver,
  tempDataDir,
} from "@purwantara/emulator/testing";
import type { Delivery } from "./types";

const secret = "test-callback-secret";
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(statuses: number[], backoffMs = [50, 100]) {
  const receiver = await startReceiver(statuses);
  const data = tempDataDir();
  const running = await startEmulator({
    dataDir: data.dir,
    callbackUrl: receiver.url,
    callbackSecret: secret,
    callbackBackoffMs: backoffMs,
  });
  cleanups.push(receiver.close, data.remove, running.close);
  return { receiver, running };
}

const deliveriesOf = (baseUrl: string, uuid: string) =>
  getJson<{ deliveries: Delivery[] }>(`${baseUrl}/control/deliveries?uuid=${uuid}`).then(
    (r) => r.deliveries,
  );

describe("callbacks", () => {
  it("POSTs the signed, PHP-encoded transaction with Purwantara's headers", async () => {
    const { receiver, running } = await setup([200]);
    const link = await createLink(running.baseUrl, {
      title: "Sepatu",
      external_id: "order-cb-1",
      return_url: "https://shop.example/ok",
    });
    const paid = await postJson(`${running.baseUrl}/control/transactions/${link.uuid}/pay`, {});
    const { deliveryId } = JSON.parse(paid.text) as { deliveryId: string };

    const [request] = await receiver.waitFor(1);
    if (!request) throw new Error("no callback");
    expect(
      verifyCallbackSignature(request.body, request.headers[callbackHeaders.signature] as string, [
        secret,
      ]),
    ).toBe(true);
    expect(
      verifyCallbackSignature(request.body, request.headers[callbackHeaders.signature] as string, [
        "other",
      ]),
    ).toBe(false);
    expect(request.headers).toMatchObject({
      accept: "*/*",
      "content-type": "application/json",
      "user-agent": callbackHeaders.userAgent,
      [callbackHeaders.delivery]: deliveryId,
    });
    const names = request.rawHeaders.filter((_, i) => i % 2 === 0);
    expect(names).toEqual(
      expect.arrayContaining([
        "Accept",
        "Content-Type",
        "User-Agent",
        "Signature",
        "X-PPN-Delivery",
      ]),
    );

    const text = request.body.toString("utf8");
    expect(text).toContain('"return_url":"https:\\/\\/shop.example\\/ok"');
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      "uuid",
      "event",
      "title",
      "amount",
      "status",
      "paid_at",
      "settle_at",
      "channel_id",
      "created_at",
      "expires_at",
      "return_url",
      "description",
      "external_id",
      "payment_link_url",
    ]);
    expect(body).toMatchObject({
      uuid: link.uuid,
      event: { meta: { customer_phone: null }, type: "payment-link", channel: "QRIS" },
      title: "Sepatu",
      amount: "10000.0000",
      status: "PAID",
      channel_id: 8,
      external_id: "order-cb-1",
    });
    const log = await eventually(async () => {
      const deliveries = await deliveriesOf(running.baseUrl, link.uuid);
      return deliveries[0]?.state === "delivered" ? deliveries : undefined;
    });
    expect(log[0]?.attempts.map((a) => a.status)).toEqual([200]);
  });

  it("retries a non-2xx answer with the same delivery id until it succeeds", async () => {
    const { receiver, running } = await setup([500, 502, 200]);
    const link = await createLink(running.baseUrl);
    await postJson(`${running.baseUrl}/control/transactions/${link.uuid}/expire`, {});

    const requests = await receiver.waitFor(3);
    const ids = requests.map((r) => r.headers[callbackHeaders.delivery]);
    expect(new Set(ids).size).toBe(1);
    expect(requests.every((r) => r.body.equals(requests[0]?.body ?? Buffer.alloc(0)))).toBe(true);
    const delivery = await eventually(async () => {
      const [d] = await deliveriesOf(running.baseUrl, link.uuid);
      return d?.state === "delivered" ? d : undefined;
    });
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 502, 200]);
    const gap =
      Date.parse(delivery.attempts[1]?.at ?? "") - Date.parse(delivery.attempts[0]?.at ?? "");
    expect(gap).toBeGreaterThanOrEqual(45);
  });

  it("gives up after three failed tries and says so on the simulator page", async () => {
    const { receiver, running } = await setup([503]);
    const link = await createLink(running.baseUrl, { title: "Never delivered" });
    await postJson(`${running.baseUrl}/control/transactions/${link.uuid}/fail`, {});
    await receiver.waitFor(3);
    const delivery = await eventually(async () => {
      const [d] = await deliveriesOf(running.baseUrl, link.uuid);
      return d?.state === "failed" ? d : undefined;
    });
    expect(delivery.attempts).toHaveLength(3);
    const html = await (await fetch(`${running.baseUrl}/`)).text();
    expect(html).toContain("failed after 3 tries (503)");
  });

  it("redelivers the last body, with the same or a new delivery id", async () => {
    const { receiver, running } = await setup([200]);
    const link = await createLink(running.baseUrl);
    await postJson(`${running.baseUrl}/control/transactions/${link.uuid}/pay`, {});
    await receiver.waitFor(1);
    await postJson(`${running.baseUrl}/control/transactions/${link.uuid}/redeliver`, {
      sameDeliveryId: true,
    });
    await postJson(`${running.baseUrl}/control/transactions/${link.uuid}/redeliver`, {});
    const requests = await receiver.waitFor(3);
    const [first, same, fresh] = requests.map((r) => r.headers[callbackHeaders.delivery]);
    expect(same).toBe(first);
    expect(fresh).not.toBe(first);
    expect(requests.map((r) => r.body.toString())).toEqual(
      Array(3).fill(requests[0]?.body.toString()),
    );
  });
});
