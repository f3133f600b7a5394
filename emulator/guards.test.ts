import { describe, expect, it } from "vitest";
import { controlTokenHeader } from "./guards";
import { createLink, withEmulator } from "./test-support";

const emulator = withEmulator({ controlToken: "control-secret-for-tests" });

describe("emulator guards", () => {
  it("/control needs the control token when one is configured", async () => {
    const without = await fetch(`${emulator.baseUrl()}/control/transactions`);
    expect(without.status).toBe(401);
    const wrong = await fetch(`${emulator.baseUrl()}/control/transactions`, {
      headers: { [controlTokenHeader]: "control-secret-for-tesTS" },
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${emulator.baseUrl()}/control/transactions`, {
      headers: { [controlTokenHeader]: "control-secret-for-tests" },
    });
    expect(right.status).toBe(200);
  });

  it("the simulator refuses a cross-site post and accepts its own page's", async () => {
    const link = await createLink(emulator.baseUrl(), {
      title: "Guarded",
      amount: 20000,
      external_id: "order-guard-1",
    });
    const post = (headers: Record<string, string>) =>
      fetch(`${emulator.baseUrl()}/simulator/transactions/${link.uuid}/pay`, {
        method: "POST",
        redirect: "manual",
        headers,
      });
    expect((await post({ origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ origin: "null" })).status).toBe(403);
    expect((await post({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    const own = await post({ origin: new URL(emulator.baseUrl()).origin });
    expect(own.status).toBe(303);
  });
});
