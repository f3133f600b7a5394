import { describe, expect, it } from "vitest";
import { loginPathFor } from "./next-path";

describe("the sign-in page for a session that ended", () => {
  it("says why and carries where the person was", () => {
    const url = new URL(loginPathFor("/transactions?status=paid", true), "http://x.invalid");
    expect(url.pathname).toBe("/login");
    expect(url.searchParams.get("reason")).toBe("ended");
    expect(url.searchParams.get("next")).toBe("/transactions?status=paid");
  });

  it("never carries a way off the site", () => {
    for (const path of ["//evil.example/x", "/\\evil.example", "https://evil.example/", "/login"])
      expect(loginPathFor(path, true), path).toBe("/login?reason=ended");
  });

  it("is the bare sign-in page when nothing ended and nowhere is known", () => {
    expect(loginPathFor(null, false)).toBe("/login");
    expect(loginPathFor("/overview", false)).toBe("/login");
  });
});
