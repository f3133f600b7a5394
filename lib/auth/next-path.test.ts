import { describe, expect, it } from "vitest";
import { defaultNextPath, safeNextPath } from "./next-path";

/** Where a browser on https://app.example would go for a redirect to `path`. */
const landsOn = (path: string) => new URL(path, "https://app.example").host;

describe("safeNextPath", () => {
  it.each([
    ["dot segment before a double slash", "/.//evil.example/x"],
    ["the security finding, decoded once", decodeURIComponent("%2F.%2F%2Fevil.example%2Fx")],
    ["dot-dot before a double slash", "/..//evil.example"],
    ["encoded dot-dot", "/%2e%2e//evil.example"],
    ["deeper dot-dots", "/a/../..//evil.example"],
    ["protocol-relative", "//evil.example"],
    ["triple slash", "///evil.example"],
    ["backslash", "/\\evil.example"],
    ["backslash after a slash", "/\\/evil.example"],
    ["backslash later in the path", "/a\\..\\..\\/evil.example"],
    ["encoded backslash", "/%5Cevil.example"],
    ["encoded backslash, lower case", "/%5cevil.example"],
    ["encoded slashes", "/%2F%2Fevil.example"],
    ["encoded slashes, lower case", "/%2f%2fevil.example"],
    ["a tab", "/\t/evil.example"],
    ["a newline", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["an encoded newline", "/%0a/evil.example"],
    ["an absolute URL", "https://evil.example/x"],
    ["a scheme without slashes", "javascript:alert(1)"],
    ["no leading slash", "evil.example"],
    ["the sign-in page", "/login"],
    ["the sign-in page with a next of its own", "/login?next=%2Foverview"],
    ["the sign-in page through a dot segment", "/./login"],
    ["the sign-in page through dot-dot", "/transactions/../login"],
    ["empty", ""],
    ["very long", `/${"a".repeat(3000)}`],
  ])("refuses %s", (_label, payload) => {
    expect(safeNextPath(payload)).toBe(defaultNextPath);
  });

  it("refuses nothing given", () => {
    expect(safeNextPath(undefined)).toBe(defaultNextPath);
    expect(safeNextPath(null)).toBe(defaultNextPath);
  });

  it.each([
    ["/transactions", "/transactions"],
    ["/transactions?status=paid&from=2026-01-01", "/transactions?status=paid&from=2026-01-01"],
    ["/transactions?q=a%2Fb#top", "/transactions?q=a%2Fb#top"], // encoded slash in the query is data
    ["/team/./members/../", "/team/"], // normalised
    ["/reconciliation/2026-05-01", "/reconciliation/2026-05-01"],
    ["/loginhelp", "/loginhelp"],
  ])("keeps %s on this site as %s", (payload, expected) => {
    expect(safeNextPath(payload)).toBe(expected);
  });

  it("whatever it returns stays on this origin", () => {
    const payloads = ["/.//evil.example", "/a//b", "/%2e/%2e//evil.example", "/x/..//..//evil"];
    for (const payload of payloads) {
      const result = safeNextPath(payload);
      expect(result.startsWith("//")).toBe(false);
      expect(landsOn(result)).toBe("app.example");
    }
  });
});
