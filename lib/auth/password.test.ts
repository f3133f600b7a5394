import { hash as argon2Hash, parseOptions } from "@node-rs/argon2";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { headersFrom, insertTestUser } from "@/testing/accounts";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { absentUserHash, hashPassword, needsRehash, verifyPassword } from "./password";
import { argon2Options } from "./password-hash";
import {
  concurrentPasswordChecks,
  PasswordChecksBusy,
  passwordChecksInFlight,
} from "./password-slots";
import { signInWithPassword } from "./sign-in";

const db = withTestDatabase();
const password = "amber-lantern-harbour-7";
let n = 0;
const freshEmail = () => `password-${Date.now()}-${n++}@example.com`;

const storedHash = async (email: string) => {
  const [row] = await queryTestDb<{ password_hash: string }>(
    db.url(),
    "select password_hash from users where email = $1",
    [email],
  );
  return row!.password_hash;
};

/** An argon2id hash that takes long to check, to keep slots busy while a test looks. */
const slowHash = () => argon2Hash("slow", { ...argon2Options, timeCost: 60 });

describe("password hashing", () => {
  it("stores argon2id with today's parameters and checks it", async () => {
    const hash = await hashPassword(password);
    expect(hash.startsWith("$argon2id$v=19$")).toBe(true);
    expect(parseOptions(hash)).toMatchObject({
      memoryCost: argon2Options.memoryCost,
      timeCost: argon2Options.timeCost,
      parallelism: argon2Options.parallelism,
    });
    expect(needsRehash(hash)).toBe(false);
    expect(await verifyPassword(password, hash)).toBe(true);
    expect(await verifyPassword(`${password}x`, hash)).toBe(false);
    expect(await hashPassword(password)).not.toBe(hash); // a fresh salt each time
  });

  it("still checks legacy bcrypt hashes, and marks them and weaker argon2 for rehash", async () => {
    const legacy = await bcrypt.hash(password, 4);
    expect(await verifyPassword(password, legacy)).toBe(true);
    expect(await verifyPassword("not-the-password-1", legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
    const weaker = await argon2Hash(password, { ...argon2Options, memoryCost: 8192 });
    expect(await verifyPassword(password, weaker)).toBe(true);
    expect(needsRehash(weaker)).toBe(true);
    // Anything else is no match (and no crash).
    expect(await verifyPassword(password, "plain-text")).toBe(false);
    expect(needsRehash("$argon2id$broken")).toBe(true);
  });

  it("an absent user is checked against a dummy hash of today's cost, and never matches", async () => {
    expect(needsRehash(absentUserHash)).toBe(false);
    expect(parseOptions(absentUserHash)).toMatchObject({ memoryCost: argon2Options.memoryCost });
    expect(await verifyPassword(password, null)).toBe(false);
    expect(await verifyPassword("", null)).toBe(false);
  });

  it("a legacy bcrypt hash is redone as argon2id at sign-in, and the password still works", async () => {
    const email = freshEmail();
    await insertTestUser(db.url(), { email, password });
    expect((await storedHash(email)).startsWith("$2")).toBe(true);
    const first = await signInWithPassword({ email, password, headers: headersFrom("10.60.0.1") });
    expect(first.status).toBe("signed_in");
    const rehashed = await storedHash(email);
    expect(rehashed.startsWith("$argon2id$")).toBe(true);
    const again = await signInWithPassword({ email, password, headers: headersFrom("10.60.0.1") });
    expect(again.status).toBe("signed_in");
    expect(await storedHash(email)).toBe(rehashed); // not redone a second time
    const wrong = { email, password: "wrong-guess-12345", headers: headersFrom("10.60.0.1") };
    expect((await signInWithPassword(wrong)).status).toBe("wrong");
  });
});

describe("password-check slots", () => {
  it(`N+1 concurrent checks: ${concurrentPasswordChecks} run, one more is refused at once`, async () => {
    const slow = await slowHash();
    const started = Date.now();
    const running = Array.from({ length: concurrentPasswordChecks }, () =>
      verifyPassword("slow", slow),
    );
    const refused = await verifyPassword("slow", slow).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(PasswordChecksBusy);
    expect(refused).toMatchObject({ status: 503, translation: { key: "actions.passwordBusy" } });
    // Refused while the others were still being checked, not after waiting for them.
    expect(passwordChecksInFlight()).toBe(concurrentPasswordChecks);
    // New hashes (the public setup and invitation forms) share the same slots.
    await expect(hashPassword(password)).rejects.toBeInstanceOf(PasswordChecksBusy);
    expect(await Promise.all(running)).toEqual(running.map(() => true));
    const took = Date.now() - started;
    // The slots are free again, also after a check that failed.
    expect(passwordChecksInFlight()).toBe(0);
    expect(await verifyPassword("other", slow)).toBe(false);
    expect(passwordChecksInFlight()).toBe(0);
    expect(took).toBeGreaterThan(50); // the slow hash really held the slots
  }, 30_000);

  it("a sign-in while every slot is taken is answered busy, and costs no try", async () => {
    const email = freshEmail();
    await insertTestUser(db.url(), { email, password });
    const slow = await slowHash();
    const holding = Array.from({ length: concurrentPasswordChecks }, () =>
      verifyPassword("slow", slow),
    );
    const headers = headersFrom("10.61.0.1");
    const busy = await signInWithPassword({ email, password, headers });
    expect(busy).toEqual({ status: "busy" });
    await Promise.all(holding);
    const counts = await queryTestDb<{ key: string; count: number }>(
      db.url(),
      "select key, count from login_counters where key like 'pair:%:10.61.0.1' or key = 'ip:10.61.0.1'",
    );
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((c) => c.count === 0)).toBe(true);
    expect((await signInWithPassword({ email, password, headers })).status).toBe("signed_in");
  }, 30_000);
});
