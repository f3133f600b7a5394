import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { formatMoney } from "@/lib/format";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { deliverOutboxRow } from "@/lib/mail/outbox";
import { insertTestUser, headersFrom } from "@/testing/accounts";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { withMailCatcher } from "@/testing/mail";
import { insertNoticeUser, insertPayment } from "@/testing/notices";
import { runNoticeDigest } from "./digest";
import { runNoticeScan } from "./scan";
import { noticeSecondStepLocked } from "./security";

const db = withTestDatabase();
const { mail } = withMailCatcher();

const address = (name: string) => `${name}-${randomUUID().slice(0, 8)}@notices.example.com`;
const business = "Toko Kopi Nusantara Sejahtera Abadi";

/** Two job runners' scans at once, then the emails they wrote are sent. */
async function scanTwiceAndSend(): Promise<string[]> {
  const [a, b] = await Promise.all([runNoticeScan(), runNoticeScan()]);
  const ids = [...a, ...b];
  for (const id of ids) expect((await deliverOutboxRow(id)).outcome).toBe("sent");
  return ids;
}

const outboxTo = (to: string) =>
  queryTestDb<{ dedupe_key: string; template: string }>(
    db.url(),
    "select dedupe_key, template from email_outbox where lower(recipient) = lower($1)",
    [to],
  );

describe("notices per person", () => {
  it("payment received: once per event and person across two runners, from the threshold up", async () => {
    await queryTestDb(
      db.url(),
      `insert into merchant_settings (id, business_name) values (1, $1)
       on conflict (id) do update set business_name = $1`,
      [business],
    );
    const everyOne = address("finance-every");
    const fromAmount = address("operator-threshold");
    const none = address("finance-off");
    await insertNoticeUser(db.url(), {
      email: everyOne,
      role: "finance",
      locale: "en",
      preferences: { deliveries: { payment_paid: "immediate" } },
    });
    await insertNoticeUser(db.url(), {
      email: fromAmount,
      role: "operator",
      locale: "id",
      timeZone: "Asia/Jayapura",
      preferences: { deliveries: { payment_paid: "immediate" }, paidMinAmount: "100000" },
    });
    await insertNoticeUser(db.url(), { email: none, role: "finance" });
    const big = await insertPayment(db.url(), { amount: "150000" });
    const small = await insertPayment(db.url(), { amount: "99999" });
    // A test-mode payment: nobody here asked for test notices.
    await insertPayment(db.url(), { amount: "500000", mode: "sandbox" });

    await scanTwiceAndSend();
    await runNoticeScan(); // a third run finds nothing new

    const toEvery = await mail.waitFor(everyOne, { count: 2 });
    await new Promise((r) => setTimeout(r, 500));
    expect(await mail.messagesTo(everyOne)).toHaveLength(2);
    expect(toEvery.map((m) => m.subject).sort()).toEqual(
      [
        `Payment received: ${formatMoney("150000", "en")} · ${business}`,
        `Payment received: ${formatMoney("99999", "en")} · ${business}`,
      ].sort(),
    );
    const bigMail = toEvery.find((m) => m.subject?.includes(formatMoney("150000", "en")))!;
    expect(bigMail.headers["content-language"]).toBe("en");
    expect(bigMail.text).toContain(`Reference: ${big.externalId}`);
    expect(bigMail.html).toContain(`http://dashboard.test/transactions?q=${big.externalId}`);

    const toThreshold = await mail.waitFor(fromAmount);
    expect(await mail.messagesTo(fromAmount)).toHaveLength(1);
    expect(toThreshold[0]!.subject).toBe(
      `Pembayaran diterima: ${formatMoney("150000", "id")} · ${business}`,
    );
    expect(toThreshold[0]!.text).toContain("WIT");
    expect(toThreshold[0]!.text).not.toContain(small.externalId!);
    expect(await outboxTo(none)).toEqual([]);
  }, 60_000);

  it("offers and sends only what the role may see, never mixing test into live", async () => {
    const operator = address("operator-dayclose");
    const checker = address("finance-checker");
    const tester = address("finance-tests");
    const operatorId = await insertNoticeUser(db.url(), {
      email: operator,
      role: "operator",
      preferences: { deliveries: { day_close: "immediate", payment_expired: "immediate" } },
    });
    await insertNoticeUser(db.url(), {
      email: checker,
      role: "finance",
      locale: "en",
      preferences: { deliveries: { day_close: "immediate", callbacks_review: "immediate" } },
    });
    await insertNoticeUser(db.url(), {
      email: tester,
      role: "finance",
      locale: "en",
      preferences: { deliveries: { payment_paid: "immediate" }, includeTest: true },
    });
    const makerId = await insertTestUser(db.url(), {
      email: address("maker"),
      password: "x",
      role: "finance",
    });
    await queryTestDb(
      db.url(),
      `insert into reconciliation_days (mode, day, time_zone, status, marked_by, mark_note)
       values ('production', '2026-11-20', 'Asia/Jakarta', 'awaiting_approval', $1, 'ok')`,
      [makerId],
    );
    await queryTestDb(
      db.url(),
      `insert into webhook_deliveries (headers, raw_body, signature_valid, outcome, mode)
       values ('{}', 'x', true, 'needs_review', 'production')`,
    );
    await insertPayment(db.url(), { amount: "77000", state: "expired" });
    await insertPayment(db.url(), { amount: "42000", mode: "sandbox" });
    await scanTwiceAndSend();

    // The operator chose a day close, but their role is not offered it.
    expect((await outboxTo(operator)).map((r) => r.dedupe_key)).toEqual([
      expect.stringMatching(/^notice:expired:/),
    ]);
    const checkerMail = await mail.waitFor(checker, { count: 2 });
    expect(checkerMail.map((m) => m.subject).sort()).toEqual(
      [
        `A callback waits for review · ${business}`,
        `A day close waits for your approval · ${business}`,
      ].sort(),
    );
    const testMail = await mail.waitFor(tester);
    expect(testMail[0]!.subject).toBe(
      `[TEST] Payment received: ${formatMoney("42000", "en")} · ${business}`,
    );
    expect(testMail[0]!.text).toContain("test-mode data");
    expect(operatorId).toBeTruthy();
  }, 60_000);

  it("gathers digest notices into one email per person and mode, once across two runners", async () => {
    const person = address("digest");
    await insertNoticeUser(db.url(), {
      email: person,
      role: "admin",
      locale: "en",
      preferences: { deliveries: { payment_paid: "digest", payment_expired: "digest" } },
    });
    await insertPayment(db.url(), { amount: "12500" });
    await insertPayment(db.url(), { amount: "33000", state: "expired" });
    expect(await scanTwiceAndSend()).toBeDefined();
    expect(await outboxTo(person)).toEqual([]);
    const [a, b] = await Promise.all([runNoticeDigest(), runNoticeDigest()]);
    for (const id of [...a, ...b]) await deliverOutboxRow(id);
    const [digest] = await mail.waitFor(person);
    expect(await mail.messagesTo(person)).toHaveLength(1);
    // Also any earlier test's payments the scan's overlap read again: this person is new to them.
    expect(digest!.subject).toMatch(new RegExp(`^\\d+ notices · ${business}$`));
    expect(digest!.text).toContain(`${formatMoney("12500", "en")} received via QRIS`);
    expect(digest!.text).toContain(`${formatMoney("33000", "en")} via QRIS`);
    expect(await runNoticeDigest()).toEqual([]);
  }, 60_000);

  it("tells a person of a sign-in from a new device and of a locked second step", async () => {
    const email = address("security");
    const id = await insertNoticeUser(db.url(), { email, role: "operator", locale: "en" });
    const bcrypt = (await import("bcryptjs")).default;
    await queryTestDb(db.url(), "update users set password_hash = $2 where id = $1", [
      id,
      await bcrypt.hash("Kopi-Susu-2026!", 4),
    ]);
    const signIn = (agent: string) =>
      signInWithPassword({
        email,
        password: "Kopi-Susu-2026!",
        headers: headersFrom("203.0.113.9", { "user-agent": agent }),
      });
    const firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    expect((await signIn(firefox)).status).toBe("signed_in"); // the first ever: nothing to compare
    expect((await signIn(firefox)).status).toBe("signed_in"); // the same device
    expect(await outboxTo(email)).toEqual([]);
    const phone =
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/140.0 Mobile Safari/537.36";
    expect((await signIn(phone)).status).toBe("signed_in");
    // No job runner here: send what the sign-in queued.
    const [row] = await queryTestDb<{ id: string }>(
      db.url(),
      "select id from email_outbox where recipient = $1",
      [email],
    );
    await deliverOutboxRow(row!.id);
    const [newDevice] = await mail.waitFor(email);
    expect(newDevice!.subject).toBe(`New sign-in to ${business}`);
    expect(newDevice!.text).toMatch(/signed in from a new device \(.*Android.*\)/);

    const lockId = await getDb().transaction((tx) => noticeSecondStepLocked(tx, id));
    await deliverOutboxRow(lockId!);
    const both = await mail.waitFor(email, { count: 2 });
    expect(both[0]!.subject).toBe(`Your second step is locked · ${business}`);
  }, 60_000);
});

describe("the buyer's receipt", () => {
  it("is emailed once in the merchant's language, with nothing internal; not when off or without an email", async () => {
    await queryTestDb(db.url(), "update merchant_settings set receipt_locale = 'en' where id = 1");
    const buyer = address("buyer");
    const unticked = address("buyer-unticked");
    const paid = await insertPayment(db.url(), {
      amount: "88000",
      fee: "1750",
      channel: "virtual-account",
      customerEmail: buyer,
    });
    await insertPayment(db.url(), {
      amount: "15000",
      customerEmail: unticked,
      emailReceipt: false,
    });
    await insertPayment(db.url(), { amount: "16000", customerEmail: null });
    await scanTwiceAndSend();
    const [receipt] = await mail.waitFor(buyer);
    expect(await mail.messagesTo(buyer)).toHaveLength(1);
    expect(receipt!.subject).toBe(`Receipt: ${formatMoney("88000", "en")} paid to ${business}`);
    expect(receipt!.text).toContain(business);
    expect(receipt!.text).toContain(`Reference: ${paid.externalId}`);
    expect(receipt!.text).toContain("Virtual account (BCA)");
    expect(receipt!.text).toMatch(/Paid at: .* WIB/);
    // Nothing internal: no fee, no id but the reference, no staff address.
    for (const internal of [paid.id, formatMoney("1750", "en"), "finance-", "operator-"])
      expect(`${receipt!.text}${receipt!.html}`).not.toContain(internal);
    expect(await outboxTo(unticked)).toEqual([]);

    await queryTestDb(db.url(), "update merchant_settings set email_receipts = false where id = 1");
    const later = address("buyer-merchant-off");
    await insertPayment(db.url(), { amount: "21000", customerEmail: later });
    await scanTwiceAndSend();
    expect(await outboxTo(later)).toEqual([]);
  }, 60_000);
});
