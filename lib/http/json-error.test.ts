import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { toResponse } from "./json-error";

describe("toResponse: any caught error as a route's answer", () => {
  it("an AppError answers its own status and words", async () => {
    const answer = toResponse(new AppError("conflict", "Already closed."));
    expect(answer.status).toBe(409);
    expect(await answer.json()).toEqual({ error: "Already closed." });
    expect(answer.headers.get("Cache-Control")).toBe("no-store");
  });

  it("a database that cannot be reached is 503; anything else 500 with the generic words only", async () => {
    const down = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
      code: "ECONNREFUSED",
    });
    expect(toResponse(down).status).toBe(503);
    const bug = toResponse(new TypeError("secret detail of a bug"));
    expect(bug.status).toBe(500);
    expect(JSON.stringify(await bug.json())).not.toContain("secret detail");
  });
});
