import { randomInt, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { CallbackSecret } from "@/lib/gateway/config";
import { dismissMaybePaidTwice } from "@/lib/payments/double-payment-review";
import { getOverview } from "@/lib/payments/overview";
import { getTransactionDetail } from "@/lib/payments/transaction-detail";
import { parseTransactionFilter } from "@/lib/core/transaction-filter/parse";
import { resolveFilter } from "@/lib/core/transaction-filter/resolve";
import { getTransactionListPage } from "@/lib/payments/transaction-list";
import { callbackSchema } from "@purwantara/contract/callback";
import { callbackBody, callbackRequest, ingestWithSecrets } from "@/testing/callbacks";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { applyCallback } from "./apply";
import type { ReceivedDelivery } from "./delivery";

const db = withTestDatabase();
const q = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  queryTestDb<T>(db.url(), sql, params);
const secrets: CallbackSecret[] = [{ mode: "production", slot: "current", secret: "live-secret" }];
const zone = "Asia/Jakarta";
const paidAt = (minute: number) => new Date(Date.UTC(2026, 10, 23, 5, minute)).toISOString();

/** A fresh buyer phone per test, so tests do not see each other's payments. */
const newPhone = () => `081${randomInt(100_000_000, 999_999_999)}`;

async function seed(
  over: { channel?: string; amount?: number; phone?: string | null; mode?: string } = {},
) {
  const uuid = randomUUID();
  const externalId = `PWD-${randomUUID().slice(0, 8)}`;
  const [row] = await q<{ id: string }>(
    `insert into transactions (mode, channel, external_id, purwantara_uuid, title, amount, raw_status, state, customer_phone)
     values ($1, $2, $3, $4, 'Order 19', $5, 'ACTIVE', 'active', $6) returning id`,
    [
      over.mode ?? "production",
      over.channel ?? "virtual-account",
      externalId,
      uuid,
      over.amount ?? 150000,
      over.phone ?? null,
    ],
  );
  return { id: row!.id, uuid, externalId };
}

const paidBody = (
  p: { uuid: string; externalId: string },
  over: { type?: string; channel?: string; amount?: string; minute?: number } = {},
) =>
  callbackBody({
    uuid: p.uuid,
    external_id: p.externalId,
    amount: over.amount ?? "150000.0000",
    paid_at: paidAt(over.minute ?? 0),
    event: { meta: {}, type: over.type ?? "virtual-account", channel: over.channel ?? "BCA" },
    payment_link_url: null,
  });

async function send(body: Buffer) {
  const result = await ingestWithSecrets(
    callbackRequest(body, { secret: "live-secret", deliveryId: randomUUID() }),
    secrets,
  );
  expect(result.status).toBe(200);
  return result.body.outcome;
}

const flagsOf = async (id: string) =>
  (await q<{ flags: string[] }>("select flags from transactions where id = $1", [id]))[0]!.flags;
const idsOfUuid = async (uuid: string) =>
  (await q<{ id: string }>("select id from transactions where purwantara_uuid = $1", [uuid])).map(
    (r) => r.id,
  );

/** The rows in a queue the overview links to, as the list shows them. */
async function queue(href: string): Promise<string[]> {
  const url = new URL(href, "http://dashboard.test");
  const { filter } = parseTransactionFilter(url.searchParams);
  const page = await getTransactionListPage(resolveFilter(filter, "production", zone, new Date()), {
    limit: 200,
  });
  return page.items.map((i) => i.id);
}

/** Each queue straight from the rows: paid, flagged, no refund asked for. */
async function directQueue(flag: string): Promise<string[]> {
  const rows = await q<{ id: string }>(
    `select t.id from transactions t where t.mode = 'production' and t.state in ('paid', 'settled')
       and $1 = any(t.flags) and not exists (select 1 from refunds r where r.transaction_id = t.id)
     order by t.id`,
    [flag],
  );
  return rows.map((r) => r.id);
}

async function expectQueues(paidTwice: string[], maybe: string[]) {
  const overview = await getOverview("production", zone);
  const inTwice = await queue(overview.paidTwice.href);
  const inMaybe = await queue(overview.maybePaidTwice.href);
  for (const id of paidTwice) expect(inTwice).toContain(id);
  for (const id of maybe) expect(inMaybe).toContain(id);
  expect(overview.paidTwice.count).toBe(inTwice.length);
  expect(overview.maybePaidTwice.count).toBe(inMaybe.length);
  expect([...inTwice].sort()).toEqual(await directQueue("paid_twice"));
  expect([...inMaybe].sort()).toEqual(await directQueue("maybe_paid_twice"));
}

describe("each kind of double payment reaches the queue", () => {
  it("one bill paid at two banks", async () => {
    const bill = await seed();
    await send(paidBody(bill));
    const bni = randomUUID();
    await send(paidBody({ uuid: bni, externalId: bill.externalId }, { channel: "BNI" }));
    const [second] = await idsOfUuid(bni);
    expect(await flagsOf(bill.id)).toEqual(["paid_twice"]);
    expect(await flagsOf(second!)).toEqual(["paid_twice"]);
    await expectQueues([bill.id, second!], []);
  });

  it("a VA and then a QRIS for one bill", async () => {
    const bill = await seed({ phone: newPhone() });
    await send(paidBody(bill));
    const qr = randomUUID();
    await send(
      paidBody({ uuid: qr, externalId: bill.externalId }, { type: "qris", channel: "qris_doku" }),
    );
    const [second] = await idsOfUuid(qr);
    // The same bill: certain, so paid twice, not the softer flag.
    expect(await flagsOf(second!)).toEqual(["paid_twice"]);
    expect(await flagsOf(bill.id)).toEqual(["paid_twice"]);
    await expectQueues([bill.id, second!], []);
  });

  it("a payment link paid twice", async () => {
    const link = await seed({ channel: "payment-link" });
    const body = (uuid: string) =>
      paidBody({ uuid, externalId: link.externalId }, { type: "payment-link", channel: "OVO" });
    await send(body(link.uuid));
    const child = randomUUID();
    await send(body(child));
    const [second] = await idsOfUuid(child);
    expect(await flagsOf(second!)).toEqual(["paid_twice"]);
    await expectQueues([link.id, second!], []);
  });

  it("the same phone and amount on two channels within 30 minutes: maybe paid twice, both", async () => {
    const phone = newPhone();
    const va = await seed({ phone });
    const qr = await seed({ channel: "qris", phone });
    await send(paidBody(va, { minute: 0 }));
    expect(await flagsOf(va.id)).toEqual([]);
    await send(paidBody(qr, { type: "qris", channel: "qris_doku", minute: 29 }));
    expect(await flagsOf(va.id)).toEqual(["maybe_paid_twice"]);
    expect(await flagsOf(qr.id)).toEqual(["maybe_paid_twice"]);
    const [delivery] = await q<{ reason: string }>(
      "select reason from webhook_deliveries where transaction_id = $1 and outcome = 'applied'",
      [qr.id],
    );
    expect(delivery!.reason).toContain(`maybe paid twice: the same phone and amount as ${va.id}`);
    await expectQueues([], [va.id, qr.id]);
  });

  it("a payment made outside the dashboard names its buyer in event.meta: matched too", async () => {
    const phone = newPhone();
    const ours = await seed({ phone, channel: "qris" });
    await send(paidBody(ours, { type: "qris", channel: "qris_doku", minute: 10 }));
    const outside = randomUUID();
    await send(
      callbackBody({
        uuid: outside,
        external_id: null,
        amount: "150000.0000",
        paid_at: paidAt(20),
        event: {
          meta: { customer_phone: `+62${phone.slice(1)}` },
          type: "ewallet",
          channel: "OVO",
        },
        payment_link_url: null,
      }),
    );
    const [row] = await q<{ id: string; flags: string[]; customer_phone: string }>(
      "select id, flags, customer_phone from transactions where purwantara_uuid = $1",
      [outside],
    );
    expect(row).toMatchObject({ customer_phone: phone });
    expect(row!.flags).toEqual(["maybe_paid_twice", "outside_dashboard"]);
    expect(await flagsOf(ours.id)).toEqual(["maybe_paid_twice"]);
  });

  it("not flagged: 31 minutes apart, another amount, another mode, no phone", async () => {
    const phone = newPhone();
    const first = await seed({ phone });
    await send(paidBody(first, { minute: 0 }));
    const late = await seed({ phone, channel: "qris" });
    await send(paidBody(late, { type: "qris", channel: "qris_doku", minute: 31 }));
    const other = await seed({ phone, amount: 150001 });
    await send(paidBody(other, { minute: 5, amount: "150001.0000" }));
    const sandbox = await seed({ phone, mode: "sandbox" });
    await q("update transactions set state = 'paid', paid_at = $2 where id = $1", [
      sandbox.id,
      paidAt(1),
    ]);
    const noPhone = [await seed(), await seed()];
    for (const p of noPhone) await send(paidBody(p, { minute: 2 }));
    for (const p of [first, late, other, sandbox, ...noPhone])
      expect(await flagsOf(p.id)).toEqual([]);
  });
});

function received(body: Buffer): ReceivedDelivery {
  return {
    deliveryId: randomUUID(),
    headers: {},
    rawBody: body,
    payload: callbackSchema.parse(JSON.parse(body.toString("utf8"))),
    mode: "production",
    verifiedWith: "current",
    review: null,
    note: null,
  };
}

/** Whether some session waits for an advisory lock (the buyer's). */
async function someoneWaitsForALock(): Promise<boolean> {
  const rows = await q(
    `select 1 from pg_locks where locktype = 'advisory' and not granted
        and database = (select oid from pg_database where datname = current_database())`,
  );
  return rows.length > 0;
}

describe("concurrent callbacks for the two payments", () => {
  it("the second waits for the first to commit, then flags both, once each", async () => {
    const phone = newPhone();
    const a = await seed({ phone });
    const b = await seed({ phone, channel: "qris" });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstApplied!: () => void;
    const applied = new Promise<void>((resolve) => (firstApplied = resolve));
    const first = getDb().transaction(async (tx) => {
      await applyCallback(tx, received(paidBody(a, { minute: 3 })));
      firstApplied();
      await held;
    });
    await applied;
    let secondDone = false;
    const second = getDb()
      .transaction((tx) =>
        applyCallback(tx, received(paidBody(b, { type: "qris", channel: "qris_doku", minute: 4 }))),
      )
      .finally(() => (secondDone = true));
    // Until the second apply either finished (no lock: it could not see the first) or waits.
    while (!secondDone && !(await someoneWaitsForALock())) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    release();
    await first;
    await second;
    expect(await flagsOf(a.id)).toEqual(["maybe_paid_twice"]);
    expect(await flagsOf(b.id)).toEqual(["maybe_paid_twice"]);
  });

  it("eight pairs paid at once: every payment flagged exactly once, none twice over", async () => {
    const pairs = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const phone = newPhone();
        return [await seed({ phone }), await seed({ phone, channel: "ewallet-ovo" })] as const;
      }),
    );
    await Promise.all(
      pairs.flatMap(([a, b]) => [
        getDb().transaction((tx) => applyCallback(tx, received(paidBody(a, { minute: 7 })))),
        getDb().transaction((tx) =>
          applyCallback(tx, received(paidBody(b, { type: "ewallet", channel: "OVO", minute: 9 }))),
        ),
      ]),
    );
    for (const [a, b] of pairs) {
      expect(await flagsOf(a.id)).toEqual(["maybe_paid_twice"]);
      expect(await flagsOf(b.id)).toEqual(["maybe_paid_twice"]);
      // One of the two applies found the other: exactly one note names the pair.
      const notes = await q<{ reason: string }>(
        `select reason from webhook_deliveries where transaction_id in ($1, $2)
           and reason like '%maybe paid twice%'`,
        [a.id, b.id],
      );
      expect(notes).toHaveLength(1);
    }
  });
});

describe("the surplus and the dismissal", () => {
  it("only the later paid payment is the surplus; a dismissal clears the pair, audited", async () => {
    const phone = newPhone();
    const va = await seed({ phone });
    const qr = await seed({ phone, channel: "qris" });
    await send(paidBody(qr, { type: "qris", channel: "qris_doku", minute: 12 }));
    await send(paidBody(va, { minute: 2 }));
    // Paid in the other order than received: the VA, paid first, stays.
    const first = await getTransactionDetail(va.id, "production");
    const later = await getTransactionDetail(qr.id, "production");
    expect(first!.doubles).toMatchObject({ surplus: false, first: null });
    expect(first!.doubles.later.map((p) => p.id)).toEqual([qr.id]);
    expect(later!.doubles.surplus).toBe(true);
    expect(later!.doubles.first?.id).toBe(va.id);

    const user = { id: await financeUser() };
    expect(await dismissMaybePaidTwice(user, "sandbox", va.id)).toBe("notFound");
    expect(await dismissMaybePaidTwice(user, "production", "not-a-uuid")).toBe("notFound");
    expect(await dismissMaybePaidTwice(user, "production", va.id)).toBe("dismissed");
    expect(await flagsOf(va.id)).toEqual([]);
    expect(await flagsOf(qr.id)).toEqual([]);
    expect(await dismissMaybePaidTwice(user, "production", qr.id)).toBe("notFlagged");
    const audits = await q<{ details: { partners: string[] }; target_id: string }>(
      "select details, target_id from audit_log where action = 'payment.maybe_paid_twice_dismissed'",
    );
    expect(audits).toEqual([{ target_id: va.id, details: { partners: [qr.id] } }]);
    expect(await directQueue("maybe_paid_twice")).not.toContain(qr.id);
  });
});

async function financeUser() {
  const [row] = await q<{ id: string }>(
    `insert into users (email, name, password_hash, role)
     values ($1, 'Finance', 'x', 'finance') returning id`,
    [`finance.${randomUUID()}@example.com`],
  );
  return row!.id;
}
