import http from "node:http";
import type { BrowserContext } from "@playwright/test";
import { postCallback, type Delivery } from "../../testing/callback-fleet";

/** The Cookie header of a signed-in browser context, for requests made outside it. */
export async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

/**
 * A download read under the test's control: `started` resolves with the headers and the
 * first bytes, then nothing more is read until `finish()` (the app's stream waits on the
 * full socket: the request stays in flight), which resolves with the whole body.
 */
export function heldDownload(url: string, cookie: string) {
  let response: http.IncomingMessage | null = null;
  const chunks: Buffer[] = [];
  const started = new Promise<http.IncomingMessage>((resolve, reject) => {
    http
      .get(url, { headers: { Cookie: cookie } }, (res) => {
        response = res;
        res.once("data", (first: Buffer) => {
          chunks.push(first);
          res.pause();
          resolve(res);
        });
        res.once("error", reject);
      })
      .once("error", reject);
  });
  const finish = () =>
    new Promise<{ body: string; complete: boolean }>((resolve, reject) => {
      const res = response!;
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.once("end", () =>
        resolve({ body: Buffer.concat(chunks).toString("utf8"), complete: res.complete }),
      );
      res.once("error", reject);
      res.resume();
    });
  return { started, finish };
}

/** Steady traffic through the proxy until stopped: page probes and callbacks, every answer counted. */
export function steadyTraffic(proxyPort: number, deliveries: readonly Delivery[]) {
  const statuses: Record<string, number> = {};
  const note = (key: string) => (statuses[key] = (statuses[key] ?? 0) + 1);
  let stopping = false;
  let next = 0;
  const probes = async () => {
    while (!stopping) {
      const status = await fetch(`http://127.0.0.1:${proxyPort}/api/health`)
        .then((r) => r.status)
        .catch(() => 0);
      note(`health ${status}`);
    }
  };
  // Only the app's own "send again" (503) is retried, as Purwantara would: anything
  // else that is not a 200 is what the proxy could not save.
  const deliver = async (delivery: Delivery) => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const status = await postCallback(proxyPort, delivery, 30_000);
      note(`callback ${status}`);
      if (status !== 503) return;
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
  const callbacks = async () => {
    while (!stopping && next < deliveries.length) {
      await deliver(deliveries[next++]!);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const running = Promise.all([probes(), probes(), callbacks(), callbacks()]);
  return {
    statuses,
    sent: () => deliveries.slice(0, next),
    stop: async () => {
      stopping = true;
      await running;
    },
  };
}
