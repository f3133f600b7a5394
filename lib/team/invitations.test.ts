import { beforeAll, describe, expect, it } from "vitest";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import {
  acceptInvitation,
  createInvitation,
  hashInvitationToken,
  readInvitation,
  revokeInvitationById,
} from "./invitations";

const db = withTestDatabase();
const exists = { accountExists: "exists" };
const person = { name: "New Colleague", password: "a long enough pass", locale: "en" as const };

describe("invitations", () => {
  let admin = "";
  beforeAll(async () => {
    const [row] = await queryTestDb<{ id: string }>(
      db.url(),
      "insert into users (email, name, password_hash, role) values ('boss@example.com', 'Boss', 'x', 'admin') returning id",
    );
    admin = row!.id;
  });

  const invite = (email: string, role: "finance" | "operator" | "admin" = "finance") =>
    createInvitation({ email, role, actorId: admin, ip: null }, exists);

  it("stores only the token's hash, works once, and audits both ends", async () => {
    const { token, invitation } = await invite("fin@example.com");
    const [stored] = await queryTestDb<{ token_hash: string; expires_in: number }>(
      db.url(),
      "select token_hash, extract(epoch from expires_at - created_at)::int as expires_in from invitations where id = $1",
      [invitation.id],
    );
    expect(stored).toEqual({ token_hash: hashInvitationToken(token), expires_in: 72 * 3600 });
    expect(stored!.token_hash).not.toContain(token);
    expect((await readInvitation(token)).status).toBe("valid");

    const accepted = await acceptInvitation(token, person, null);
    expect(accepted.ok && accepted.user.role).toBe("finance");
    expect(await acceptInvitation(token, person, null)).toEqual({ ok: false, reason: "used" });
    expect((await readInvitation(token)).status).toBe("used");
    const actions = await queryTestDb<{ action: string }>(
      db.url(),
      "select action from audit_log order by id",
    );
    expect(actions.map((a) => a.action)).toEqual(["user.invited", "user.joined"]);
  });

  it("makes one account when the same link is accepted twice at once", async () => {
    const { token } = await invite("twice@example.com", "operator");
    const results = await Promise.all([
      acceptInvitation(token, person, null),
      acceptInvitation(token, person, null),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: "used" });
    const users = await queryTestDb(
      db.url(),
      "select 1 from users where email = 'twice@example.com'",
    );
    expect(users).toHaveLength(1);
  });

  it("expires after 72 hours", async () => {
    const { token, invitation } = await invite("late@example.com");
    await queryTestDb(
      db.url(),
      "update invitations set expires_at = now() - interval '1 second' where id = $1",
      [invitation.id],
    );
    expect((await readInvitation(token)).status).toBe("expired");
    expect(await acceptInvitation(token, person, null)).toEqual({ ok: false, reason: "expired" });
  });

  it("can be revoked, and a new invitation replaces a pending one", async () => {
    const first = await invite("again@example.com");
    const second = await invite("again@example.com", "operator");
    expect((await readInvitation(first.token)).status).toBe("revoked");
    await revokeInvitationById(second.invitation.id, admin, null, { notPending: "gone" });
    expect(await acceptInvitation(second.token, person, null)).toEqual({
      ok: false,
      reason: "revoked",
    });
    await expect(
      revokeInvitationById(second.invitation.id, admin, null, { notPending: "gone" }),
    ).rejects.toThrow("gone");
  });

  it("refuses an address that already has an account, and unknown tokens", async () => {
    await expect(invite("BOSS@example.com")).rejects.toThrow("exists");
    expect((await readInvitation("x".repeat(43))).status).toBe("unknown");
    expect((await readInvitation("short")).status).toBe("unknown");
  });
});
