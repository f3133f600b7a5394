import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { controlTokenHeader } from "./guards";
import { createLink, withEmulator } from "@purwantara/emulator/testing";

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

  it("sends the frame and sniffing headers with every answer", async () => {
    for (const path of ["/", "/health", "/v1/nothing-here", "/control/transactions"]) {
      const answer = await fetch(`${emulator.baseUrl()}${path}`);
      expect(answer.headers.get("x-frame-options")).toBe("DENY");
      expect(answer.headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("refuses a request whose Host is not its own address (DNS rebinding)", async () => {
    const { port } = new URL(emulator.baseUrl());
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", port, path: "/", headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end();
      });
    expect(await status(`rebind.evil.example:${port}`)).toBe(421);
    expect(await status("127.0.0.1")).toBe(421);
    expect(await status(`127.0.0.1:${port}`)).toBe(200);
    expect(await status(`localhost:${port}`)).toBe(200);
  });
});
