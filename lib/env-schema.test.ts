import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env-schema";
import { localCallbackSecret, localEmulatorToken } from "@purwantara/contract";

const base = {
  DATABASE_URL: "postgres://u@127.0.0.1:5432/db",
  AUTH_SECRET: "x".repeat(32),
  APP_URL: "https://pay.example.com",
};

describe("parseEnv", () => {
  it("defaults to the local emulator with its shared secret when nothing is configured", () => {
    const env = parseEnv(base);
    expect(env.gateway).toMatchObject({
      mode: "local",
      baseUrl: "http://127.0.0.1:4010/v1/",
      token: localEmulatorToken,
      callbackSecrets: [localCallbackSecret],
    });
  });

  it("names the missing or bad variable", () => {
    expect(() => parseEnv({ AUTH_SECRET: base.AUTH_SECRET })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ ...base, AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
    expect(() => parseEnv({ ...base, PURWANTARA_MODE: "live" })).toThrow(/PURWANTARA_MODE/);
  });

  it("refuses the local defaults in sandbox and production", () => {
    for (const mode of ["sandbox", "production"]) {
      expect(() => parseEnv({ ...base, PURWANTARA_MODE: mode })).toThrow(/PURWANTARA_TOKEN/);
      expect(() =>
        parseEnv({
          ...base,
          PURWANTARA_MODE: mode,
          PURWANTARA_TOKEN: "real",
          PURWANTARA_CALLBACK_SECRET: localCallbackSecret,
        }),
      ).toThrow(EnvError);
    }
  });

  it("never defaults to local mode in a production build: no variables, no env gateway", () => {
    // Configured from the settings page instead (lib/gateway/config.ts).
    const bare = parseEnv({ ...base, NODE_ENV: "production" });
    expect(bare.gateway).toBeNull();
    expect(bare.localDemo).toBe(false);
    expect(bare.gatewayTimeoutMs).toBe(15_000);
    // Half a configuration is a mistake, not a request for the settings page.
    for (const name of ["PURWANTARA_CALLBACK_SECRET", "PURWANTARA_BASE_URL"]) {
      expect(() =>
        parseEnv({ ...base, NODE_ENV: "production", [name]: "https://x.test/" }),
      ).toThrow(new RegExp(`PURWANTARA_MODE: must be set .* when ${name} is set`));
    }
    expect(() => parseEnv({ ...base, NODE_ENV: "production", PURWANTARA_MODE: "local" })).toThrow(
      /PURWANTARA_ALLOW_LOCAL_IN_PRODUCTION=1/,
    );
  });

  it("runs a production build in local mode only as a declared demo", () => {
    const demo = parseEnv({
      ...base,
      NODE_ENV: "production",
      PURWANTARA_MODE: "local",
      PURWANTARA_ALLOW_LOCAL_IN_PRODUCTION: "1",
    });
    expect(demo.gateway?.mode).toBe("local");
    expect(demo.gateway?.callbackSecrets).toEqual([localCallbackSecret]);
    expect(demo.localDemo).toBe(true);
    expect(parseEnv(base).localDemo).toBe(false);
    expect(
      parseEnv({
        ...base,
        NODE_ENV: "production",
        PURWANTARA_MODE: "production",
        PURWANTARA_TOKEN: "jwt",
        PURWANTARA_CALLBACK_SECRET: "s",
        PURWANTARA_ALLOW_LOCAL_IN_PRODUCTION: "1",
      }).localDemo,
    ).toBe(false);
  });

  it("refuses the local secret as the previous one outside local mode", () => {
    const real = {
      ...base,
      PURWANTARA_MODE: "production",
      PURWANTARA_TOKEN: "jwt",
      PURWANTARA_CALLBACK_SECRET: "new",
    };
    expect(() =>
      parseEnv({ ...real, PURWANTARA_CALLBACK_SECRET_PREVIOUS: localCallbackSecret }),
    ).toThrow(/PURWANTARA_CALLBACK_SECRET_PREVIOUS/);
  });

  it("requires a mode once a real token is set", () => {
    expect(() => parseEnv({ ...base, PURWANTARA_TOKEN: "jwt" })).toThrow(/PURWANTARA_MODE/);
  });

  it("uses the real base URL and both secrets during a rotation", () => {
    const env = parseEnv({
      ...base,
      PURWANTARA_MODE: "production",
      PURWANTARA_TOKEN: "jwt",
      PURWANTARA_CALLBACK_SECRET: "new",
      PURWANTARA_CALLBACK_SECRET_PREVIOUS: "old",
    });
    expect(env.gateway).toMatchObject({
      baseUrl: "https://api.purwantara.id/v1/",
      callbackSecrets: ["new", "old"],
    });
  });

  it("keeps sandbox and production on Purwantara's hosts unless the operator names another origin", () => {
    const live = { ...base, PURWANTARA_MODE: "production", PURWANTARA_TOKEN: "jwt" };
    const secret = { PURWANTARA_CALLBACK_SECRET: "live-secret" };
    expect(() =>
      parseEnv({ ...live, ...secret, PURWANTARA_BASE_URL: "http://10.0.0.5:8080/v1/" }),
    ).toThrow(/PURWANTARA_BASE_URL: in production mode only https:\/\/api\.purwantara\.id/);
    expect(
      parseEnv({ ...live, ...secret, PURWANTARA_BASE_URL: "https://api.purwantara.id/v2/" }).gateway
        ?.baseUrl,
    ).toBe("https://api.purwantara.id/v2/");
    const emulated = parseEnv({
      ...live,
      ...secret,
      PURWANTARA_BASE_URL: "http://127.0.0.1:4010/v1/",
      PURWANTARA_EXTRA_GATEWAY_ORIGINS: "http://127.0.0.1:4010",
    });
    expect(emulated.extraGatewayOrigins).toEqual(["http://127.0.0.1:4010"]);
    expect(emulated.gateway?.baseUrl).toBe("http://127.0.0.1:4010/v1/");
    expect(() => parseEnv({ ...base, PURWANTARA_EXTRA_GATEWAY_ORIGINS: "emulator" })).toThrow(
      /PURWANTARA_EXTRA_GATEWAY_ORIGINS: "emulator"/,
    );
    // Local mode (the emulator) may live on any host.
    expect(
      parseEnv({ ...base, PURWANTARA_BASE_URL: "http://192.168.1.20:4010/v1/" }).gateway,
    ).toMatchObject({
      mode: "local",
      baseUrl: "http://192.168.1.20:4010/v1/",
    });
  });

  it("takes trusted proxies as CIDRs and refuses a bad one or the old hop count, naming them", () => {
    expect(() => parseEnv({ ...base, TRUSTED_PROXIES: "10.0.0.0/8, fd00::/8" })).not.toThrow();
    expect(() => parseEnv({ ...base, TRUSTED_PROXIES: "10.0.0.0/40" })).toThrow(
      /TRUSTED_PROXIES: "10.0.0.0\/40"/,
    );
    expect(() => parseEnv({ ...base, TRUSTED_PROXIES: "0.0.0.0/0" })).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseEnv({ ...base, TRUSTED_PROXY_HOPS: "1" })).toThrow(
      /TRUSTED_PROXY_HOPS: replaced by TRUSTED_PROXIES/,
    );
    expect(() => parseEnv({ ...base, TRUSTED_PROXY_HOPS: "0" })).not.toThrow();
  });

  it("requires APP_URL in production; elsewhere defaults to a loopback origin", () => {
    const { APP_URL: _unused, ...withoutAppUrl } = base;
    expect(() => parseEnv({ ...withoutAppUrl, NODE_ENV: "production" })).toThrow(
      /APP_URL: required in production/,
    );
    expect(parseEnv(withoutAppUrl)).toMatchObject({
      appUrl: "http://localhost:3000",
      appUrlFromEnv: false,
    });
    expect(parseEnv(base).appUrlFromEnv).toBe(true);
    expect(parseEnv({ ...withoutAppUrl, PORT: "3100" }).appUrl).toBe("http://localhost:3100");
    expect(parseEnv({ ...base, APP_URL: "https://pay.example.com/" }).appUrl).toBe(
      "https://pay.example.com",
    );
    for (const bad of [
      "https://pay.example.com/app",
      "ftp://pay.example.com",
      "https://u:p@x.id",
    ]) {
      expect(() => parseEnv({ ...base, APP_URL: bad })).toThrow(
        /APP_URL: must be an http\(s\) origin/,
      );
    }
  });

  it("reads the optional read replica and its lag allowance (default 30 s)", () => {
    expect(parseEnv(base).readReplica).toBeNull();
    const url = "postgres://u@replica.internal:5432/db";
    expect(parseEnv({ ...base, DATABASE_READ_URL: url }).readReplica).toEqual({
      url,
      maxLagSeconds: 30,
    });
    expect(
      parseEnv({ ...base, DATABASE_READ_URL: url, DATABASE_READ_MAX_LAG_SECONDS: "5" }).readReplica,
    ).toEqual({ url, maxLagSeconds: 5 });
    expect(() => parseEnv({ ...base, DATABASE_READ_URL: "replica" })).toThrow(/DATABASE_READ_URL/);
    expect(() =>
      parseEnv({ ...base, DATABASE_READ_URL: url, DATABASE_READ_MAX_LAG_SECONDS: "0" }),
    ).toThrow(/DATABASE_READ_MAX_LAG_SECONDS/);
  });
});
