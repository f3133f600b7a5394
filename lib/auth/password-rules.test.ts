import { describe, expect, it } from "vitest";
import { z } from "zod";
import { hashPassword, verifyPassword } from "./password";
import { confirmationMatches, isCommonPassword, newPasswordSchema } from "./password-rules";

const issues = (password: string) => {
  const result = newPasswordSchema.safeParse(password);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe("password rules", () => {
  it("needs 12 characters (not bytes) and at most 72 bytes: 72 × é is refused", () => {
    expect(issues("Kopi-Susu-7")).toEqual(["passwordTooShort"]); // 11
    expect(issues("Kopi-Susu-77")).toEqual([]); // 12
    expect(issues("Ésprèsso-Dùa")).toEqual([]); // 12 characters, 15 bytes
    expect(issues("é".repeat(72))).toEqual(["passwordTooLongBytes"]); // 144 bytes
    expect(issues(`Nasi-Goreng-${"é".repeat(30)}`)).toEqual([]); // exactly 72 bytes
    expect(issues(`Nasi-Goreng-${"é".repeat(31)}`)).toEqual(["passwordTooLongBytes"]);
    expect(issues("a".repeat(73))).toEqual(["passwordTooLongBytes"]);
  });

  it("refuses common passwords and their obvious variations", () => {
    expect(isCommonPassword("1234567890")).toBe(true); // on the list
    expect(issues("password1234")).toEqual(["passwordTooCommon"]); // listed word + digits
    expect(issues("Sunshine2024!")).toEqual(["passwordTooCommon"]);
    expect(issues("abcabcabcabc")).toEqual(["passwordTooCommon"]); // one unit repeated
    expect(issues("123456789012")).toEqual(["passwordTooCommon"]); // a run
    expect(issues("qwertyuiopas")).toEqual(["passwordTooCommon"]);
    expect(issues("Nasi-Goreng-Pedas-3")).toEqual([]);
  });

  it("checks the confirmation with the same rule module", () => {
    const schema = z
      .object({ password: newPasswordSchema, confirm: z.string() })
      .refine(...confirmationMatches);
    const result = schema.safeParse({ password: "Nasi-Goreng-Pedas-3", confirm: "other" });
    expect(result.success ? [] : result.error.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["confirm", "passwordMismatch"],
    ]);
  });

  it("never hashes a password longer than the rules allow", async () => {
    await expect(hashPassword("é".repeat(72))).rejects.toThrow(/72 bytes/);
    const hash = await hashPassword("é".repeat(36));
    expect(await verifyPassword("é".repeat(36), hash)).toBe(true);
    expect(await verifyPassword("é".repeat(35) + "e", hash)).toBe(false);
  });
});
