import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "@purwantara/emulator/testing";
import { getDb } from "@/db/client";
import { sendEmailJobs } from "@/lib/jobs/email";
import { startJobQueue, type JobQueue } from "@/lib/jobs/queue";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { withMailCatcher } from "@/testing/mail";
import { queueEmail } from "./outbox";

const db = withTestDatabase();
const { mail } = withMailCatcher();

type Row = { state: string; tries: number; last_error: string | null };
const rowOf = async (id: string) =>
  (
    await queryTestDb<Row>(
      db.url(),
      "select state, tries, last_error from email_outbox where id = $1",
      [id],
    )
  )[0]!;

const address = (name: string) => `${name}-${randomUUID().slice(0, 8)}@outbox.example.com`;

async function queueTest(to: string, dedupeKey = `test:${randomUUID()}`) {
  return getDb().transaction((tx) =>
    queueEmail(tx, {
      to,
      template: "test",
      locale: "en",
      data: {
        senderName: "Outbox test",
        sentAt: new Date().toISOString(),
        timeZone: "Asia/Jakarta",
      },
      dedupeKey,
    }),
  );
}

// Two app instances on one database, each running the email worker.
const runners: JobQueue[] = [];

beforeAll(async () => {
  const start = () =>
    startJobQueue({
      connectionString: db.url(),
      pollingIntervalSeconds: 0.5,
      email: { outbox: { retryBaseSeconds: 1, maxTries: 4, leaseSeconds: 30 } },
    });
  runners.push(...(await Promise.all([start(), start()])));
}, 60_000);

afterAll(async () => {
  await Promise.all(runners.map((r) => r.stop()));
}, 30_000);

describe("the email outbox", () => {
  it("is one row per event and recipient, whatever the case of the address", async () => {
    const to = address("dedupe");
    const first = await queueTest(to, "event:1");
    const again = await queueTest(to.toUpperCase(), "event:1");
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
  });

  it("tries again with a growing wait while the server says later, and sends it once", async () => {
    const to = address("later");
    await mail.refuse(to, { count: 2, code: 451, message: "4.7.1 Greylisted, try later" });
    const { id } = await queueTest(to);
    await sendEmailJobs(runners[0]!.boss, [id]);

    await eventually(async () => ((await rowOf(id)).state === "sent" ? true : undefined), 30_000);
    expect(await rowOf(id)).toEqual({ state: "sent", tries: 3, last_error: null });
    const received = await mail.waitFor(to);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ subject: "Test email from Payments dashboard" });
    expect(received[0]!.headers["content-language"]).toBe("en");
  }, 40_000);

  it("fails at once, with the server's answer, when the server refuses for good", async () => {
    const to = address("refused");
    await mail.refuse(to, { count: 1, code: 550, message: "5.1.1 No such mailbox" });
    const { id } = await queueTest(to);
    await sendEmailJobs(runners[1]!.boss, [id]);

    await eventually(async () => ((await rowOf(id)).state === "failed" ? true : undefined), 20_000);
    expect(await rowOf(id)).toEqual({
      state: "failed",
      tries: 1,
      last_error: expect.stringMatching(/^refused: 550 .*No such mailbox/),
    });
    expect(await mail.messagesTo(to)).toEqual([]);
  }, 30_000);

  it("sends each email once though two runners each get jobs for every row", async () => {
    const recipients = Array.from({ length: 8 }, (_, i) => address(`once${i}`));
    const ids: string[] = [];
    for (const to of recipients) ids.push((await queueTest(to)).id);
    // Every row queued three times, from both instances: as a retried nudge and a sweep would.
    await Promise.all([
      sendEmailJobs(runners[0]!.boss, [...ids, ...ids]),
      sendEmailJobs(runners[1]!.boss, ids),
    ]);

    await eventually(async () => {
      const rows = await Promise.all(ids.map(rowOf));
      return rows.every((r) => r.state === "sent") ? true : undefined;
    }, 30_000);
    for (const id of ids) expect(await rowOf(id)).toMatchObject({ state: "sent", tries: 1 });
    // Leave time for any duplicate job to run, then count what arrived.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (const to of recipients) expect(await mail.messagesTo(to)).toHaveLength(1);
  }, 40_000);
});
