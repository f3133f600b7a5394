import { describe, expect, it } from "vitest";
import { localCallbackSecret, localEmulatorToken } from "@purwantara/contract";
import {
  callbackSecretRefusal,
  gatewayTokenRefusal,
  savedCredentialsTrust,
  usableSecrets,
  type BuildTrust,
} from "./credential-rules";

const dev: BuildTrust = { production: false, localDemo: false };
const prod: BuildTrust = { production: true, localDemo: false };
const demo: BuildTrust = { production: true, localDemo: true };

describe("callbackSecretRefusal", () => {
  it("refuses the emulator's public secret for sandbox and production in every build", () => {
    for (const mode of ["sandbox", "production"] as const) {
      for (const build of [dev, prod, demo, savedCredentialsTrust]) {
        expect(callbackSecretRefusal(mode, localCallbackSecret, build)).toBe("emulatorSecret");
        expect(callbackSecretRefusal(mode, "a-real-secret-from-purwantara", build)).toBeNull();
      }
    }
  });

  it("takes it for local mode, in a production build only as a declared demo", () => {
    expect(callbackSecretRefusal("local", localCallbackSecret, dev)).toBeNull();
    expect(callbackSecretRefusal("local", localCallbackSecret, demo)).toBeNull();
    expect(callbackSecretRefusal("local", localCallbackSecret, prod)).toBe("emulatorSecret");
  });

  it("refuses an empty secret in every mode", () => {
    expect(callbackSecretRefusal("local", "", dev)).toBe("empty");
    expect(callbackSecretRefusal("production", "", prod)).toBe("empty");
  });
});

describe("gatewayTokenRefusal", () => {
  it("refuses the emulator's token outside local mode, and an empty one anywhere", () => {
    expect(gatewayTokenRefusal("local", localEmulatorToken)).toBeNull();
    expect(gatewayTokenRefusal("sandbox", localEmulatorToken)).toBe("emulatorToken");
    expect(gatewayTokenRefusal("production", localEmulatorToken)).toBe("emulatorToken");
    expect(gatewayTokenRefusal("production", "jwt")).toBeNull();
    expect(gatewayTokenRefusal("sandbox", "")).toBe("empty");
  });
});

describe("usableSecrets", () => {
  it("keeps exactly the secrets the rule accepts", () => {
    const local = { mode: "local", slot: "current", secret: localCallbackSecret } as const;
    const smuggled = { mode: "sandbox", slot: "previous", secret: localCallbackSecret } as const;
    const real = { mode: "sandbox", slot: "current", secret: "real-sandbox-secret" } as const;
    const empty = { mode: "production", slot: "current", secret: "" } as const;
    expect(usableSecrets([local, smuggled, real, empty], dev)).toEqual([local, real]);
    expect(usableSecrets([local, smuggled, real, empty], prod)).toEqual([real]);
  });
});
