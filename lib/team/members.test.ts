import { beforeAll, describe, expect, it } from "vitest";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { changeMember } from "./members";

const db = withTestDatabase();
const messages = { notFound: "not found", lastAdmin: "last admin", unchanged: "unchanged" };

async function makeUser(role: string, email: string): Promise<string> {
  const [row] = await queryTestDb<{ id: string }>(
    db.url(),
    "insert into users (email, name, password_hash, role) values ($1, 'U', 'x', $2) returning id",
    [email, role],
  );
  return row!.id;
}

const activeAdmins = async () =>
  (
    await queryTestDb<{ n: number }>(
      db.url(),
      "select count(*)::int as n from users where role = 'admin' and disabled_at is null",
    )
  )[0]!.n;

describe("the last active admin", () => {
  let actor = "";
  beforeAll(async () => {
    actor = await makeUser("admin", "root@example.com");
  });

  it("cannot be demoted or disabled, and nothing is audited for the refusal", async () => {
    await expect(
      changeMember(actor, { kind: "role", role: "finance" }, { id: actor, ip: null }, messages),
    ).rejects.toThrow("last admin");
    await expect(
      changeMember(actor, { kind: "disable" }, { id: actor, ip: null }, messages),
    ).rejects.toThrow("last admin");
    expect(await activeAdmins()).toBe(1);
    const audit = await queryTestDb(db.url(), "select 1 from audit_log");
    expect(audit).toHaveLength(0);
  });

  it("is refused by the database itself, whatever the app does", async () => {
    await expect(
      queryTestDb(db.url(), "update users set role = 'operator' where id = $1", [actor]),
    ).rejects.toThrow(/last active admin/);
    await expect(queryTestDb(db.url(), "delete from users where id = $1", [actor])).rejects.toThrow(
      /last active admin/,
    );
  });

  it("lets one of two admins go, audited with from and to", async () => {
    const second = await makeUser("admin", "second@example.com");
    await changeMember(
      second,
      { kind: "role", role: "operator" },
      { id: actor, ip: "203.0.113.9" },
      messages,
    );
    const [audit] = await queryTestDb<{ action: string; details: unknown; ip: string }>(
      db.url(),
      "select action, details, ip from audit_log where target_id = $1",
      [second],
    );
    expect(audit).toEqual({
      action: "user.role_changed",
      details: { from: "admin", to: "operator" },
      ip: "203.0.113.9",
    });
  });

  it("holds when two admins demote each other at the same moment", async () => {
    for (let round = 0; round < 5; round++) {
      const a = await makeUser("admin", `race-a-${round}@example.com`);
      const b = await makeUser("admin", `race-b-${round}@example.com`);
      // Only a and b are active admins: the root admin steps aside for the race.
      await queryTestDb(db.url(), "update users set disabled_at = now() where id = $1", [actor]);
      const results = await Promise.allSettled([
        changeMember(a, { kind: "role", role: "finance" }, { id: b, ip: null }, messages),
        changeMember(b, { kind: "disable" }, { id: a, ip: null }, messages),
      ]);
      const refused = results.filter((r) => r.status === "rejected");
      expect(refused).toHaveLength(1);
      expect((refused[0] as PromiseRejectedResult).reason.message).toBe("last admin");
      expect(await activeAdmins()).toBe(1);
      // Reset: the root admin back, the survivor demoted.
      await queryTestDb(db.url(), "update users set disabled_at = null where id = $1", [actor]);
      await queryTestDb(
        db.url(),
        "update users set role = 'operator' where id = any($1) and role = 'admin' and disabled_at is null",
        [[a, b]],
      );
    }
  });

  it("enables, forces a password reset, and refuses a no-op", async () => {
    const op = await makeUser("operator", "op@example.com");
    await changeMember(op, { kind: "disable" }, { id: actor, ip: null }, messages);
    await expect(
      changeMember(op, { kind: "disable" }, { id: actor, ip: null }, messages),
    ).rejects.toThrow("unchanged");
    await changeMember(op, { kind: "enable" }, { id: actor, ip: null }, messages);
    await changeMember(op, { kind: "force_password_reset" }, { id: actor, ip: null }, messages);
    const [row] = await queryTestDb<{ disabled_at: Date | null; must_change_password: boolean }>(
      db.url(),
      "select disabled_at, must_change_password from users where id = $1",
      [op],
    );
    expect(row).toEqual({ disabled_at: null, must_change_password: true });
    const actions = await queryTestDb<{ action: string }>(
      db.url(),
      "select action from audit_log where target_id = $1 order by id",
      [op],
    );
    expect(actions.map((a) => a.action)).toEqual([
      "user.disabled",
      "user.enabled",
      "user.password_reset_forced",
    ]);
  });
});
