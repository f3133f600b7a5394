import { describe, expect, it } from "vitest";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { createFirstUser, getUserByEmail } from "./users";

const db = withTestDatabase();

describe("first account", () => {
  it("is created once even when two setups race, and emails match case-insensitively", async () => {
    const attempt = (email: string) =>
      createFirstUser({ email, name: "Owner", passwordHash: "x", role: "admin" });
    const results = await Promise.all([attempt("owner@example.com"), attempt("other@example.com")]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const rows = await queryTestDb(db.url(), "select role from users");
    expect(rows).toEqual([{ role: "admin" }]);
    expect(await attempt("third@example.com")).toBeNull();
    const created = results.find(Boolean)!;
    expect((await getUserByEmail(created.email.toUpperCase()))?.id).toBe(created.id);
  });
});
