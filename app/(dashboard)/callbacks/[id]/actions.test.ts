import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { POST } from "@/app/api/webhooks/purwantara/route";
import { callbackBody, callbackRequest } from "@/testing/callbacks";
import { withTestDatabase } from "@/testing/database";
import { webhookRecords } from "@/testing/webhook-records";

// The action's surroundings: who is signed in, the request, the catalogue (keys as text).
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
// Words are their catalogue keys, so a refusal is checked by which words it chose.
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) =>
    Object.assign((key: string) => (namespace ? `${namespace}.${key}` : key), { has: () => true }),
}));

const { manageDeliveryAction } = await import("./actions");

const db = withTestDatabase();
const records = webhookRecords(db.url);

async function user(role: CurrentUser["role"]): Promise<CurrentUser> {
  const email = `${role}-${randomUUID()}@example.com`;
  const [row] = await records.q<{ id: string }>(
    "insert into users (email, name, password_hash, role) values ($1, 'T', 'x', $2) returning id",
    [email, role],
  );
  return {
    id: row!.id,
    email,
    name: "T",
    role,
    locale: "en",
    timeZone: "Asia/Jakarta",
    sessionId: randomUUID(),
    twoFactorEnabled: false,
  };
}

async function heldDelivery() {
  const seeded = await records.seedTransaction("active");
  const deliveryId = randomUUID();
  await POST(
    callbackRequest(callbackBody({ uuid: seeded.uuid, amount: "999.0000" }), { deliveryId }),
  );
  const [row] = await records.q<{ id: string }>(
    "select id from webhook_deliveries where delivery_id = $1 and outcome = 'needs_review'",
    [deliveryId],
  );
  return { seeded, id: row!.id };
}

const form = (note?: string) => {
  const data = new FormData();
  if (note !== undefined) data.set("note", note);
  return data;
};
const idle = { status: "idle" } as const;

describe("callback manage actions", () => {
  beforeEach(() => {
    session.user = null;
  });

  it("refuse finance (read-only) and signed-out callers, changing nothing", async () => {
    const { seeded, id } = await heldDelivery();
    session.user = await user("finance");
    for (const kind of ["dryRun", "replay", "accept", "dismiss"] as const) {
      const state = await manageDeliveryAction(id, kind, idle, form("note"));
      expect(state).toEqual({ status: "error", message: "actions.roleNotAllowed" });
    }
    session.user = null;
    expect(await manageDeliveryAction(id, "replay", idle, form())).toEqual({
      status: "error",
      message: "actions.sessionEnded",
    });
    expect(await records.transaction(seeded.id)).toMatchObject({ state: "active" });
    const [row] = await records.q("select resolution from webhook_deliveries where id = $1", [id]);
    expect(row).toEqual({ resolution: null });
    expect(await records.q("select * from audit_log")).toEqual([]);
  });

  it("let an admin dismiss with a note, and ask for the note when it is missing", async () => {
    const { id } = await heldDelivery();
    session.user = await user("admin");
    const missing = await manageDeliveryAction(id, "dismiss", idle, form("  "));
    expect(missing).toMatchObject({
      status: "error",
      fieldErrors: { note: ["callbacks.resolve.noteRequired"] },
    });
    const done = await manageDeliveryAction(id, "dismiss", idle, form("Test payment"));
    expect(done).toEqual({ status: "success", message: "callbacks.resolve.dismissed" });
    const [row] = await records.q(
      "select resolution, resolution_note from webhook_deliveries where id = $1",
      [id],
    );
    expect(row).toEqual({ resolution: "dismissed", resolution_note: "Test payment" });
    // A tampered id or kind is refused like an unknown delivery.
    const forged = await manageDeliveryAction("x' or 1=1", "replay", idle, form());
    expect(forged).toMatchObject({ status: "error", message: "callbacks.refusals.notFound" });
  });
});
