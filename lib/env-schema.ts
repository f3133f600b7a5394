import { z } from "zod";
import { parseTrustedProxies } from "./http/trusted-proxies";
import {
  defaultBaseUrls,
  gatewayModes,
  localCallbackSecret,
  localEmulatorToken,
  type GatewayMode,
} from "@purwantara/contract";
import { callbackSecretRefusal, gatewayTokenRefusal } from "./gateway/credential-rules";
import { gatewayAddressRefusal, parseExtraOrigins } from "./gateway/gateway-address";
import { parseMailFrom, parseSmtpUrl, type SmtpConfig } from "./mail/smtp-config";
import { isBareOrigin } from "./http/bare-origin";

/**
 * The app's configuration, parsed from an environment object. Kept free of
 * `server-only` so scripts (dev, migrate) and tests can use it; the app reads it
 * through `lib/env.ts`.
 */
const rawSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ message: "must be a postgres:// URL" }),
  /** A streaming replica the finance reads (lists, totals, overview, exports) go to (db/read-replica.ts). */
  DATABASE_READ_URL: z.url({ message: "must be a postgres:// URL" }).optional(),
  /** Seconds behind the primary past which the read replica is skipped. */
  DATABASE_READ_MAX_LAG_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)"),
  PURWANTARA_MODE: z.enum(gatewayModes).optional(),
  PURWANTARA_BASE_URL: z.url().optional(),
  PURWANTARA_TOKEN: z.string().min(1).optional(),
  PURWANTARA_CALLBACK_SECRET: z.string().min(1).optional(),
  PURWANTARA_CALLBACK_SECRET_PREVIOUS: z.string().min(1).optional(),
  PURWANTARA_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(15_000),
  /** How long a callback's answer waits for its inline apply (0: answered once on disk). */
  CALLBACK_ANSWER_WAITS_MS: z.coerce.number().int().min(0).max(1500).default(0),
  /** Origins besides Purwantara's that sandbox and production may use (lib/gateway/gateway-address.ts). */
  PURWANTARA_EXTRA_GATEWAY_ORIGINS: z.string().optional(),
  /** "1": a production build may run in local mode (a demo against the emulator). */
  PURWANTARA_ALLOW_LOCAL_IN_PRODUCTION: z.enum(["0", "1"]).optional(),
  /** "1": a production build's relay may send to http and private addresses (a demo, e2e). */
  RELAY_ALLOW_PRIVATE_TARGETS: z.enum(["0", "1"]).optional(),
  /** Seals TOTP secrets and saved credentials: 32 bytes, base64 or hex (lib/crypto/secret-box.ts). */
  SETTINGS_ENCRYPTION_KEY: z.string().min(1).optional(),
  /** The address people and Purwantara reach the app at, e.g. https://pay.example.com. */
  APP_URL: z
    .url()
    .optional()
    .refine((value) => value === undefined || isBareOrigin(value), {
      message: "must be an http(s) origin with no path, e.g. https://pay.example.com",
    }),
  /** The dashboard's port; outside production the default APP_URL is http://localhost:PORT. */
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /** Reverse proxies whose X-Forwarded-For is believed, as CIDRs (lib/http/trusted-proxies.ts). */
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  /** Replaced by TRUSTED_PROXIES: a hop count believed any client that reached the app port. */
  TRUSTED_PROXY_HOPS: z
    .literal("0", {
      message:
        "replaced by TRUSTED_PROXIES: list the proxies' addresses as CIDRs (e.g. TRUSTED_PROXIES=10.0.0.0/8) and remove TRUSTED_PROXY_HOPS",
    })
    .optional(),
  /** The SMTP server email goes through, e.g. smtp://user:password@smtp.example.com:587. */
  SMTP_URL: z.string().min(1).optional(),
  /** Who email is from: "Toko Kopi <no-reply@example.com>" or a bare address. */
  MAIL_FROM: z.string().min(1).optional(),
  /** Days the gateway call log keeps a call (lib/gateway-calls/). */
  GATEWAY_CALL_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Bearer token for /api/metrics; unset, only loopback callers with no proxy between get it. */
  METRICS_TOKEN: z
    .string()
    .min(16, "must be at least 16 characters (try: openssl rand -hex 24)")
    .optional(),
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  databaseUrl: string;
  /** The read replica for finance reads, if any, and how far behind it may be. */
  readReplica: { url: string; maxLagSeconds: number } | null;
  authSecret: string;
  /**
   * The gateway mode the environment configures, or null in a production build that sets
   * no PURWANTARA_* variable: then every mode comes from the settings page (saved,
   * encrypted), and until an admin saves one nothing can be created.
   */
  gateway: {
    mode: GatewayMode;
    baseUrl: string;
    token: string;
    /** Current secret first, then the previous one during a rotation. */
    callbackSecrets: string[];
    /** Which of the mode's values the environment set itself (the rest are defaults). */
    fromEnv: { baseUrl: boolean; token: boolean; callbackSecret: boolean; previousSecret: boolean };
  } | null;
  /**
   * Origins besides Purwantara's own that sandbox and production addresses may use (an
   * emulator in end-to-end tests); empty in a real deployment.
   */
  extraGatewayOrigins: string[];
  /** How long one call to Purwantara may take, in every mode. */
  gatewayTimeoutMs: number;
  /**
   * How long a callback's answer waits for its delivery to be applied, so the answer can
   * name the outcome (tests set it); by default it is answered once on disk.
   */
  callbackAnswerWaitsMs: number;
  /**
   * A production build running in local mode, chosen on purpose for a demo: the
   * emulator's public callback secret is accepted, and every page says so.
   */
  localDemo: boolean;
  /**
   * Whether relay endpoints may be http or private/loopback addresses: outside
   * production always; in production only with RELAY_ALLOW_PRIVATE_TARGETS=1.
   */
  relayAllowsPrivateTargets: boolean;
  /**
   * The app's public origin (no trailing slash): APP_URL, required in production;
   * elsewhere http://localhost:PORT. Every link and URL the app builds starts with it.
   */
  appUrl: string;
  /** Whether APP_URL was set (else appUrl is the default outside production). */
  appUrlFromEnv: boolean;
  /**
   * The SMTP server from SMTP_URL and MAIL_FROM; null when SMTP_URL is unset (then the
   * settings page's saved server is used, if any). The environment wins.
   */
  smtp: SmtpConfig | null;
  metricsToken: string | undefined;
  gatewayCallRetentionDays: number;
};

export class EnvError extends Error {
  override name = "EnvError";
}

function blankToUndefined(source: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
}

const gatewayVariables = [
  "PURWANTARA_BASE_URL",
  "PURWANTARA_TOKEN",
  "PURWANTARA_CALLBACK_SECRET",
  "PURWANTARA_CALLBACK_SECRET_PREVIOUS",
] as const;

function extraGatewayOrigins(raw: z.infer<typeof rawSchema>): string[] {
  const parsed = parseExtraOrigins(raw.PURWANTARA_EXTRA_GATEWAY_ORIGINS);
  if (!parsed.ok) {
    throw new EnvError(
      `PURWANTARA_EXTRA_GATEWAY_ORIGINS: "${parsed.entry}" is not an origin such as http://127.0.0.1:4010`,
    );
  }
  return parsed.origins;
}

function resolveGateway(raw: z.infer<typeof rawSchema>, origins: string[]): Env["gateway"] {
  if (!raw.PURWANTARA_MODE) {
    // Local (the emulator) is the default only while no real token is configured.
    const stray = raw.PURWANTARA_TOKEN
      ? "PURWANTARA_TOKEN"
      : raw.NODE_ENV === "production"
        ? gatewayVariables.find((name) => raw[name])
        : undefined;
    if (stray) {
      throw new EnvError(
        `PURWANTARA_MODE: must be set to sandbox or production when ${stray} is set`,
      );
    }
    // A production build never falls into local mode by omission: with no PURWANTARA_*
    // variable at all, the gateway is configured on the settings page.
    if (raw.NODE_ENV === "production") return null;
  }
  const mode = raw.PURWANTARA_MODE ?? "local";
  // Local mode trusts the emulator's public callback secret: in a production build
  // that is a demo, never an accident.
  if (
    mode === "local" &&
    raw.NODE_ENV === "production" &&
    raw.PURWANTARA_ALLOW_LOCAL_IN_PRODUCTION !== "1"
  ) {
    throw new EnvError(
      "PURWANTARA_MODE: local in a production build accepts the emulator's public callback secret; set PURWANTARA_ALLOW_LOCAL_IN_PRODUCTION=1 to run a demo on purpose",
    );
  }
  const token = raw.PURWANTARA_TOKEN ?? (mode === "local" ? localEmulatorToken : undefined);
  const secret =
    raw.PURWANTARA_CALLBACK_SECRET ?? (mode === "local" ? localCallbackSecret : undefined);
  // The same rule as the settings page and the callback route (lib/gateway/credential-rules.ts).
  const build = {
    production: raw.NODE_ENV === "production",
    localDemo: raw.PURWANTARA_ALLOW_LOCAL_IN_PRODUCTION === "1",
  };
  if (gatewayTokenRefusal(mode, token ?? "")) {
    throw new EnvError(`PURWANTARA_TOKEN: required in ${mode} mode (Settings > API)`);
  }
  const previous = raw.PURWANTARA_CALLBACK_SECRET_PREVIOUS;
  if (previous && callbackSecretRefusal(mode, previous, build)) {
    throw new EnvError(
      `PURWANTARA_CALLBACK_SECRET_PREVIOUS: the local emulator's secret is refused in ${mode} mode`,
    );
  }
  if (callbackSecretRefusal(mode, secret ?? "", build)) {
    throw new EnvError(
      `PURWANTARA_CALLBACK_SECRET: required in ${mode} mode; the local emulator's default is refused`,
    );
  }
  if (raw.PURWANTARA_BASE_URL && gatewayAddressRefusal(mode, raw.PURWANTARA_BASE_URL, origins)) {
    throw new EnvError(
      `PURWANTARA_BASE_URL: in ${mode} mode only ${defaultBaseUrls[mode]} (Purwantara's own host) or an origin in PURWANTARA_EXTRA_GATEWAY_ORIGINS`,
    );
  }
  return {
    mode,
    baseUrl: raw.PURWANTARA_BASE_URL ?? defaultBaseUrls[mode],
    token: token ?? localEmulatorToken,
    callbackSecrets: [
      secret ?? localCallbackSecret,
      raw.PURWANTARA_CALLBACK_SECRET_PREVIOUS,
    ].filter((s): s is string => Boolean(s)),
    fromEnv: {
      baseUrl: Boolean(raw.PURWANTARA_BASE_URL),
      token: Boolean(raw.PURWANTARA_TOKEN),
      callbackSecret: Boolean(raw.PURWANTARA_CALLBACK_SECRET),
      previousSecret: Boolean(raw.PURWANTARA_CALLBACK_SECRET_PREVIOUS),
    },
  };
}

function resolveSmtp(raw: z.infer<typeof rawSchema>): SmtpConfig | null {
  if (!raw.SMTP_URL) {
    if (raw.MAIL_FROM) throw new EnvError("SMTP_URL: required when MAIL_FROM is set");
    return null;
  }
  const url = parseSmtpUrl(raw.SMTP_URL);
  if (!url.ok) throw new EnvError(`SMTP_URL: ${url.reason}`);
  if (!raw.MAIL_FROM)
    throw new EnvError(
      'MAIL_FROM: required when SMTP_URL is set, e.g. "Toko Kopi <no-reply@example.com>"',
    );
  const from = parseMailFrom(raw.MAIL_FROM);
  if (!from.ok) throw new EnvError(`MAIL_FROM: ${from.reason}`);
  return { ...url.value, fromName: from.value.name, fromAddress: from.value.address };
}

function resolveAppUrl(raw: z.infer<typeof rawSchema>): string {
  if (raw.APP_URL) return new URL(raw.APP_URL).origin;
  if (raw.NODE_ENV === "production") {
    throw new EnvError(
      "APP_URL: required in production: the address people and Purwantara reach the dashboard at, e.g. https://pay.example.com (links and the callback URL are built from it, never from a request's Host header)",
    );
  }
  return `http://localhost:${raw.PORT}`;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = rawSchema.safeParse(blankToUndefined(source));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}\nSee .env.example.`);
  }
  const raw = parsed.data;
  const origins = extraGatewayOrigins(raw);
  return {
    nodeEnv: raw.NODE_ENV,
    databaseUrl: raw.DATABASE_URL,
    readReplica: raw.DATABASE_READ_URL
      ? { url: raw.DATABASE_READ_URL, maxLagSeconds: raw.DATABASE_READ_MAX_LAG_SECONDS }
      : null,
    authSecret: raw.AUTH_SECRET,
    gateway: resolveGateway(raw, origins),
    extraGatewayOrigins: origins,
    gatewayTimeoutMs: raw.PURWANTARA_TIMEOUT_MS,
    callbackAnswerWaitsMs: raw.CALLBACK_ANSWER_WAITS_MS,
    localDemo:
      raw.NODE_ENV === "production" &&
      raw.PURWANTARA_MODE === "local" &&
      raw.PURWANTARA_ALLOW_LOCAL_IN_PRODUCTION === "1",
    relayAllowsPrivateTargets:
      raw.NODE_ENV !== "production" || raw.RELAY_ALLOW_PRIVATE_TARGETS === "1",
    appUrl: resolveAppUrl(raw),
    appUrlFromEnv: Boolean(raw.APP_URL),
    smtp: resolveSmtp(raw),
    metricsToken: raw.METRICS_TOKEN,
    gatewayCallRetentionDays: raw.GATEWAY_CALL_RETENTION_DAYS,
  };
}
