import { describe, expect, it } from "vitest";
import { read, send, uniqueRef, withCallbackEmulator, type Data } from "./channel-test-kit";
import { getJson, postJson } from "@purwantara/emulator/testing";
import type { Delivery } from "./types";

const emulator = withCallbackEmulator();
const { url } = emulator;

const createVa = async () =>
  (
    await send(url("/v1/virtual-account"), {
      expected_amount: 20000,
      name: "Drop test",
      bank: "BRI",
      external_id: uniqueRef("drop"),
    })
  ).body.data as Data;

const deliveries = async (uuid: unknown) =>
  (await getJson<{ deliveries: Delivery[] }>(url(`/control/deliveries?uuid=${String(uuid)}`)))
    .deliveries;

/** Long enough for a callback that was going to be sent to have arrived. */
const settleTime = () => new Promise((resolve) => setTimeout(resolve, 300));

describe("POST /control/drop-callbacks", () => {
  it("changes the status but sends no callback, for the next N callbacks of any transaction", async () => {
    const va = await createVa();
    const set = await postJson(url("/control/drop-callbacks"), { count: 1 });
    expect(JSON.parse(set.text)).toEqual({ dropCallbacks: { any: 1, byUuid: {} } });

    const paid = await postJson(url(`/control/transactions/${String(va.uuid)}/pay`), {});
    expect(JSON.parse(paid.text)).toMatchObject({ callback: "dropped" });
    const inquiry = await read(url(`/v1/virtual-account/inquiry/${String(va.uuid)}`));
    expect((inquiry.body.data as Data).status).toBe("PAID");
    await settleTime();
    await expect(emulator.callbacksFor(String(va.uuid), 1, 100)).rejects.toThrow();
    const [dropped] = await deliveries(va.uuid);
    expect(dropped).toMatchObject({ state: "dropped", status: "PAID", attempts: [] });

    // The drop is used up: the next change is delivered.
    await postJson(url(`/control/transactions/${String(va.uuid)}/settle`), {});
    const [settled] = await emulator.callbacksFor(String(va.uuid));
    expect(JSON.parse(String(settled?.body))).toMatchObject({ status: "SETTLED" });
  });

  it("drops only the named transaction's callbacks when given a uuid", async () => {
    const quiet = await createVa();
    const loud = await createVa();
    await postJson(url("/control/drop-callbacks"), { count: 2, uuid: quiet.uuid });
    await postJson(url(`/control/transactions/${String(loud.uuid)}/pay`), {});
    await postJson(url(`/control/transactions/${String(quiet.uuid)}/pay`), {});
    await postJson(url(`/control/transactions/${String(quiet.uuid)}/settle`), {});
    await emulator.callbacksFor(String(loud.uuid));
    await settleTime();
    expect((await deliveries(quiet.uuid)).map((d) => d.state)).toEqual(["dropped", "dropped"]);
    const counts = await getJson<{ dropCallbacks: unknown }>(url("/control/drop-callbacks"));
    expect(counts.dropCallbacks).toEqual({ any: 0, byUuid: {} });

    // A redelivery sends the dropped body after all.
    await postJson(url(`/control/transactions/${String(quiet.uuid)}/redeliver`), {});
    const [late] = await emulator.callbacksFor(String(quiet.uuid));
    expect(JSON.parse(String(late?.body))).toMatchObject({ status: "SETTLED" });
  });

  it("refuses a bad count and is cleared by count 0", async () => {
    expect((await postJson(url("/control/drop-callbacks"), { count: -1 })).status).toBe(400);
    expect((await postJson(url("/control/drop-callbacks"), { count: "2" })).status).toBe(400);
    await postJson(url("/control/drop-callbacks"), { count: 3 });
    const cleared = await postJson(url("/control/drop-callbacks"), { count: 0 });
    expect(JSON.parse(cleared.text)).toEqual({ dropCallbacks: { any: 0, byUuid: {} } });
  });
});
