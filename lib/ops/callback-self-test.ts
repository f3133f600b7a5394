import "server-only";
import { randomUUID } from "node:crypto";
import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { TLSSocket } from "node:tls";
import { gatewayConfig } from "@/lib/gateway/config";
import { appCallbackUrl } from "@/lib/http/app-origin";
import { callbackHeaders, type GatewayMode } from "@purwantara/contract";
import { signCallbackBody } from "@purwantara/contract/signature";
import { selfTestBody } from "@/lib/webhooks/self-test";

/**
 * "Test my callback address" (Settings): a signed self-test callback (lib/webhooks/
 * self-test.ts) sent to APP_URL's callback path over the network, as Purwantara reaches
 * it (through the proxy in front of the app), and what each step showed: the name
 * resolved, the connection made, the certificate (or plain http), the HTTP status and
 * how long the answer took. Redirects are never followed: Purwantara does not either.
 */
export type SelfTestVerdict =
  | "accepted"
  | "rejected_signature"
  | "wrong_mode"
  | "unreachable"
  | "unexpected"
  | "not_configured";

export type SelfTestReport = {
  url: string;
  mode: GatewayMode;
  verdict: SelfTestVerdict;
  /** Where it stopped, when it did not get an answer. */
  failedAt: "dns" | "connect" | "tls" | "timeout" | null;
  /** An error code (ENOTFOUND, ECONNREFUSED, CERT_HAS_EXPIRED, …), never a message. */
  errorCode: string | null;
  addresses: string[];
  tls: { kind: "plain" } | { kind: "valid"; validTo: string } | { kind: "invalid" } | null;
  httpStatus: number | null;
  latencyMs: number | null;
  /** The mode whose secret the app at the address matched (accepted, wrong_mode). */
  answeredMode: string | null;
};

const timeoutMs = 10_000;
const tlsCodes = /CERT|SELF_SIGNED|TLS|SSL|UNABLE_TO_(GET|VERIFY)|ALTNAME/i;

type Target = { url: string; mode: GatewayMode; secret: string };

function report(target: Target, fields: Partial<SelfTestReport>): SelfTestReport {
  return {
    url: target.url,
    mode: target.mode,
    verdict: "unreachable",
    failedAt: null,
    errorCode: null,
    addresses: [],
    tls: null,
    httpStatus: null,
    latencyMs: null,
    answeredMode: null,
    ...fields,
  };
}

/** The self-test for `mode`, signed with its current callback secret, to APP_URL's callback path. */
export async function runCallbackSelfTest(mode: GatewayMode): Promise<SelfTestReport> {
  const url = appCallbackUrl();
  const secret = (await gatewayConfig(mode))?.callbackSecrets.find(
    (s) => s.slot === "current",
  )?.secret;
  if (!secret) return report({ url, mode, secret: "" }, { verdict: "not_configured" });
  return probeCallbackAddress({ url, mode, secret });
}

/** The network part of the self-test, to any target (tests give their own). */
export async function probeCallbackAddress(target: Target): Promise<SelfTestReport> {
  const address = new URL(target.url);
  let addresses: string[];
  try {
    const host = address.hostname.replace(/^\[|\]$/g, "");
    addresses = (await lookup(host, { all: true })).map((a) => a.address);
  } catch (error) {
    return report(target, { failedAt: "dns", errorCode: codeOf(error) });
  }
  const body = selfTestBody(target.mode, randomUUID());
  const started = performance.now();
  const answer = await post(address, body, target.secret);
  const latencyMs = Math.round(performance.now() - started);
  if (!answer.ok) {
    const failedAt = answer.code === "TIMEOUT" ? "timeout" : answer.tlsFailure ? "tls" : "connect";
    return report(target, {
      addresses,
      failedAt,
      errorCode: answer.code,
      tls: failedAt === "tls" ? { kind: "invalid" } : null,
    });
  }
  const answeredMode = answer.status === 200 ? selfTestMode(answer.body) : null;
  return report(target, {
    verdict: verdictOf(answer.status, answeredMode, target.mode),
    addresses,
    tls: answer.tls,
    httpStatus: answer.status,
    latencyMs,
    answeredMode,
  });
}

function verdictOf(
  status: number,
  answeredMode: string | null,
  mode: GatewayMode,
): SelfTestVerdict {
  if (status === 401) return "rejected_signature";
  if (status !== 200 || answeredMode === null) return "unexpected";
  return answeredMode === mode ? "accepted" : "wrong_mode";
}

function selfTestMode(body: string): string | null {
  try {
    const json = JSON.parse(body) as { outcome?: unknown; mode?: unknown };
    return json.outcome === "self_test" && typeof json.mode === "string" ? json.mode : null;
  } catch {
    return null;
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && /^[A-Z0-9_]{2,60}$/.test(code) ? code : "ERROR";
}

type Answer =
  | { ok: true; status: number; body: string; tls: SelfTestReport["tls"] }
  | { ok: false; code: string; tlsFailure: boolean };

function post(url: URL, body: string, secret: string): Promise<Answer> {
  const secure = url.protocol === "https:";
  const headers = {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "User-Agent": callbackHeaders.userAgent,
    [callbackHeaders.signature]: signCallbackBody(body, secret),
    [callbackHeaders.delivery]: `self-test-${randomUUID()}`,
  };
  return new Promise((resolve) => {
    let connected = false;
    const request = (secure ? https : http).request(
      url,
      { method: "POST", headers, timeout: timeoutMs, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= 16_384) chunks.push(chunk);
        });
        response.on("end", () => {
          const socket = response.socket as TLSSocket | null;
          const validTo = secure ? socket?.getPeerCertificate?.()?.valid_to : undefined;
          resolve({
            ok: true,
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            tls: secure
              ? { kind: "valid", validTo: validTo ? new Date(validTo).toISOString() : "" }
              : { kind: "plain" },
          });
        });
      },
    );
    request.on("socket", (socket) => socket.once("connect", () => (connected = true)));
    request.on("timeout", () =>
      request.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })),
    );
    request.on("error", (error) => {
      const code = codeOf(error);
      resolve({ ok: false, code, tlsFailure: secure && connected && tlsCodes.test(code) });
    });
    request.end(body);
  });
}
