import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callbackBody } from "@/testing/callbacks";
import { withTestDatabase } from "@/testing/database";
import { webhookRecords } from "@/testing/webhook-records";

const db = withTestDatabase();
const records = webhookRecords(db.url);

/** A separate Node process that will send `copies` copies of the delivery when told to. */
function worker(body: Buffer, deliveryId: string, copies: number) {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "testing/ingest-worker.ts",
      body.toString("base64"),
      deliveryId,
      String(copies),
    ],
    { env: { ...process.env, DATABASE_URL: db.url() }, stdio: ["pipe", "pipe", "inherit"] },
  );
  let out = "";
  const ready = new Promise<void>((resolve) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("READY\n")) resolve();
    });
  });
  const done = new Promise<string[]>((resolve, reject) => {
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`worker exited with ${code}`));
      resolve(JSON.parse(out.split("\n").filter(Boolean).at(-1)!) as string[]);
    });
  });
  return { ready, go: () => child.stdin!.end("GO\n"), done };
}

describe("the same delivery racing in two processes", () => {
  it("is applied once: one applied, the rest duplicates, one event", async () => {
    const t = await records.seedTransaction();
    const deliveryId = randomUUID();
    const body = callbackBody({ uuid: t.uuid, status: "PAID" });
    const workers = [worker(body, deliveryId, 4), worker(body, deliveryId, 4)];
    await Promise.all(workers.map((w) => w.ready));
    workers.forEach((w) => w.go());
    const outcomes = (await Promise.all(workers.map((w) => w.done))).flat();
    // One copy went into the inbox (applied at once, or just "received" on a busy machine
    // and applied by the time its process stopped); the seven others are duplicates.
    expect(outcomes.filter((o) => o === "applied" || o === "received")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(7);
    const rows = await records.deliveries(deliveryId);
    expect(rows.map((r) => r.outcome).sort()).toEqual([
      "applied",
      ...Array<string>(7).fill("duplicate"),
    ]);
    const events = await records.q("select 1 from transaction_events where transaction_id = $1", [
      t.id,
    ]);
    expect(events).toHaveLength(1);
    expect(await records.transaction(t.id)).toMatchObject({ state: "paid" });
  }, 60_000);
});
