import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import http from "node:http";
import { localCallbackSecret } from "@purwantara/contract";
import { signCallbackBody } from "@purwantara/contract/signature";
import { callbackBody } from "./callbacks";

/** One app process serving the callback route (callback-server.ts) on its own port. */
export type CallbackProcess = { port: number; child: ChildProcess; stop: () => Promise<void> };

export async function startCallbackProcess(databaseUrl: string): Promise<CallbackProcess> {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "testing/callback-server.ts"],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "pipe", "inherit"] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /LISTENING (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`callback server exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    port,
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

export type Delivery = { body: Buffer; deliveryId: string; uuid: string };

/** Signed PAIDs for payments nobody holds yet (made in Purwantara's dashboard, say). */
export function unknownPayments(count: number): Delivery[] {
  return Array.from({ length: count }, () => {
    const uuid = randomUUID();
    return {
      uuid,
      deliveryId: randomUUID(),
      body: callbackBody({
        uuid,
        status: "PAID",
        external_id: null,
        event: { meta: {}, type: "virtual-account", channel: "BCA" },
      }),
    };
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

/** One POST as Purwantara sends it; the status, or 0 for no answer within `timeoutMs`. */
export function postCallback(port: number, d: Delivery, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/webhooks/purwantara",
        method: "POST",
        agent,
        timeout: timeoutMs,
        headers: {
          "Content-Type": "application/json",
          "Content-Length": d.body.length,
          "User-Agent": "PPN-WH",
          "X-PPN-Delivery": d.deliveryId,
          Signature: signCallbackBody(d.body, localCallbackSecret),
        },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", () => resolve(0));
      },
    );
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(0));
    request.end(d.body);
  });
}

/** Purwantara's sender [chosen, Laravel's defaults]: 3 tries, 3 s timeout, waits between them. */
export type RetrySchedule = { timeoutMs: number; waitsMs: readonly number[] };

export type BurstResult = {
  /** Answers by status, every try counted (0: no answer in time). */
  statuses: Record<number, number>;
  /** First answers by status. */
  first: Record<number, number>;
  /** Deliveries never answered 2xx after every try. */
  gaveUp: number;
};

/**
 * Sends every delivery `concurrency` at a time, spread over `ports` in turn, each retried
 * on the schedule until a 2xx, as Purwantara does; a try may go to another process.
 */
export async function sendBurst(
  deliveries: readonly Delivery[],
  ports: () => readonly number[],
  concurrency: number,
  schedule: RetrySchedule,
): Promise<BurstResult> {
  const result: BurstResult = { statuses: {}, first: {}, gaveUp: 0 };
  let next = 0;
  let turn = 0;
  const one = async (d: Delivery) => {
    for (let attempt = 0; attempt <= schedule.waitsMs.length; attempt += 1) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, schedule.waitsMs[attempt - 1]));
      const list = ports();
      const status = await postCallback(list[turn++ % list.length]!, d, schedule.timeoutMs);
      result.statuses[status] = (result.statuses[status] ?? 0) + 1;
      if (attempt === 0) result.first[status] = (result.first[status] ?? 0) + 1;
      if (status >= 200 && status < 300) return;
    }
    result.gaveUp += 1;
  };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < deliveries.length) await one(deliveries[next++]!);
    }),
  );
  return result;
}

/** One sign-in attempt through the process's password step, from `ip`: its status. */
export async function postSignIn(
  port: number,
  attempt: { email: string; password: string; ip: string },
): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/sign-in`, {
    method: "POST",
    body: JSON.stringify(attempt),
  }).catch(() => null);
  if (!response) return "no answer";
  return ((await response.json()) as { status: string }).status;
}
