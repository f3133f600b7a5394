import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { callbackHeaders } from "@purwantara/contract";
import {
  authHeader,
  createLink,
  eventually,
  getJson,
  postJson,
  startEmulator,
  startReceiver,
  tempDataDir,
} from "@purwantara/emulator/testing";
import type { Delivery } from "./types";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("state on disk", () => {
  it("keeps transactions across a restart on the same data dir", async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const first = await startEmulator({ dataDir: data.dir });
    const link = await createLink(first.baseUrl, {
      title: "Survivor",
      external_id: "order-persist",
    });
    await postJson(`${first.baseUrl}/control/transactions/${link.uuid}/pay`, {});
    await first.close();

    const state = JSON.parse(readFileSync(join(data.dir, "state.json"), "utf8")) as {
      transactions: unknown[];
    };
    expect(state.transactions).toHaveLength(1);

    const second = await startEmulator({ dataDir: data.dir });
    cleanups.push(second.close);
    const res = await fetch(`${second.baseUrl}/v1/payment-link/${link.uuid}`, {
      headers: authHeader,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: unknown }).data).toMatchObject({
      title: "Survivor",
      status: "PAID",
    });
    const duplicate = await postJson(`${second.baseUrl}/v1/payment-link`, {
      amount: 2000,
      title: "x",
      external_id: "order-persist",
    });
    expect(duplicate.status).toBe(409);
  });

  it("resumes a pending callback retry after a restart, with the same delivery id", async () => {
    const data = tempDataDir();
    const receiver = await startReceiver([500, 200]);
    cleanups.push(data.remove, receiver.close);
    const options = { dataDir: data.dir, callbackUrl: receiver.url, callbackBackoffMs: [400] };
    const first = await startEmulator(options);
    const link = await createLink(first.baseUrl);
    await postJson(`${first.baseUrl}/control/transactions/${link.uuid}/pay`, {});
    await receiver.waitFor(1);
    await eventually(async () => {
      const { deliveries } = await getJson<{ deliveries: Delivery[] }>(
        `${first.baseUrl}/control/deliveries`,
      );
      return deliveries[0]?.attempts.length === 1 ? true : undefined;
    });
    await first.close();
    expect(receiver.received).toHaveLength(1);

    const second = await startEmulator(options);
    cleanups.push(second.close);
    const requests = await receiver.waitFor(2);
    expect(requests[1]?.headers[callbackHeaders.delivery]).toBe(
      requests[0]?.headers[callbackHeaders.delivery],
    );
    const delivery = await eventually(async () => {
      const { deliveries } = await getJson<{ deliveries: Delivery[] }>(
        `${second.baseUrl}/control/deliveries`,
      );
      return deliveries[0]?.state === "delivered" ? deliveries[0] : undefined;
    });
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 200]);
  });

  it("forgets everything on reset", async () => {
    const data = tempDataDir();
    cleanups.push(data.remove);
    const running = await startEmulator({ dataDir: data.dir });
    cleanups.push(running.close);
    await createLink(running.baseUrl);
    expect((await postJson(`${running.baseUrl}/control/reset`, {})).status).toBe(200);
    const { transactions } = await getJson<{ transactions: unknown[] }>(
      `${running.baseUrl}/control/transactions`,
    );
    expect(transactions).toEqual([]);
  });
});
