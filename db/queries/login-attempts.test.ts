import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/testing/database";
import { countRecentFailures, recordLoginAttempt } from "./login-attempts";

withTestDatabase();

describe("login attempts", () => {
  it("counts recent failures per email (any case) and per address; a success clears the email's", async () => {
    const since = new Date(Date.now() - 60_000);
    for (let i = 0; i < 3; i++) await recordLoginAttempt("Ana@Example.com", "10.0.0.1", false);
    await recordLoginAttempt("budi@example.com", "10.0.0.1", false);
    expect(await countRecentFailures("ana@example.com", "10.0.0.1", since)).toEqual({
      byEmail: 3,
      byIp: 4,
    });
    expect(await countRecentFailures("ana@example.com", null, new Date(Date.now() + 1000))).toEqual(
      {
        byEmail: 0,
        byIp: 0,
      },
    );
    await recordLoginAttempt("ana@example.com", "10.0.0.1", true);
    expect(await countRecentFailures("ANA@example.com", "10.0.0.1", since)).toEqual({
      byEmail: 0,
      byIp: 1,
    });
  });
});
