import { describe, expect, it } from "vitest";
import { localCallbackSecret, localEmulatorToken } from "@purwantara/contract";
import { gatewayCredentialsSchema, newSecretSchema } from "./schemas";

/** The field errors (catalogue keys) a form submission gets, by field. */
function fieldErrors(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  const errors: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? [])
    (errors[String(issue.path[0])] ??= []).push(issue.message);
  return errors;
}

describe("gateway settings forms", () => {
  for (const mode of ["sandbox", "production"] as const) {
    it(`refuse the emulator's secret and token as ${mode} credentials, first save and rotation`, () => {
      const first = gatewayCredentialsSchema(mode, []).safeParse({
        baseUrl: "",
        token: localEmulatorToken,
        callbackSecret: localCallbackSecret,
      });
      expect(fieldErrors(first)).toEqual({
        token: ["emulatorToken"],
        callbackSecret: ["emulatorSecret"],
      });
      // Pasted with spaces around it: still the emulator's secret.
      const rotation = newSecretSchema(mode).safeParse({ newSecret: ` ${localCallbackSecret} ` });
      expect(fieldErrors(rotation)).toEqual({ newSecret: ["emulatorSecret"] });
    });
  }

  it("accept real-looking credentials", () => {
    const saved = gatewayCredentialsSchema("production", []).safeParse({
      baseUrl: "https://api.purwantara.id/v1/",
      token: "jwt-from-purwantara",
      callbackSecret: "secret-from-purwantara-dashboard",
    });
    expect(saved.success).toBe(true);
    expect(newSecretSchema("sandbox").safeParse({ newSecret: "another-real-secret" }).success).toBe(
      true,
    );
  });

  it("take only Purwantara's address for the mode, or an origin the operator allows", () => {
    const form = (mode: "sandbox" | "production", baseUrl: string, extra: string[] = []) =>
      fieldErrors(
        gatewayCredentialsSchema(mode, extra).safeParse({
          baseUrl,
          token: "",
          currentPassword: "",
        }),
      );
    expect(form("production", "https://api.purwantara.id/v1/")).toEqual({});
    expect(form("sandbox", "")).toEqual({});
    expect(form("production", "http://169.254.169.254/latest/")).toEqual({
      baseUrl: ["gatewayUrl"],
    });
    expect(form("sandbox", "https://api.purwantara.id/v1/")).toEqual({ baseUrl: ["gatewayUrl"] });
    expect(form("sandbox", "http://127.0.0.1:4010/v1/", ["http://127.0.0.1:4010"])).toEqual({});
  });
});
