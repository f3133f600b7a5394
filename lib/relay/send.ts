import "server-only";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { performance } from "node:perf_hooks";
import { Webhook } from "standardwebhooks";
import { isPrivateHost, publicOnlyLookup, PrivateAddressError } from "@/lib/http/outbound-address";

/** What one POST to an endpoint came to: an HTTP answer, or none (and why). */
export type RelaySendResult =
  | { kind: "answered"; status: number; answer: string; latencyMs: number }
  | { kind: "unreachable"; reason: string; latencyMs: number | null };

export type RelayMessage = {
  /** The `webhook-id`: the same on every try of this delivery, so a receiver can dedupe. */
  id: string;
  url: string;
  secret: string;
  /** A rotated-out secret still in its overlap: the event is signed with both. */
  previousSecret?: string;
  body: string;
  timeoutMs: number;
  allowPrivate: boolean;
};

/** The receiver's answer is kept this long at most (the log shows it). */
export const answerCapBytes = 2048;

/**
 * The Standard Webhooks headers for `body`, signed now with the endpoint's `whsec_`
 * secret, and with its previous one during a rotation's overlap: several signatures,
 * space-separated, any of which a receiver accepts.
 */
export function signedHeaders(
  message: Pick<RelayMessage, "id" | "secret" | "previousSecret" | "body">,
  at: Date,
) {
  const secrets = [message.secret, message.previousSecret].filter((s): s is string => !!s);
  return {
    "webhook-id": message.id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": secrets
      .map((secret) => new Webhook(secret).sign(message.id, at, message.body))
      .join(" "),
  };
}

/**
 * Signs and POSTs one event. Never follows a redirect (a 3xx is an answer like any
 * other, and not a delivery); in production connects only to public addresses; reads
 * at most `answerCapBytes` of the answer; gives up after `timeoutMs`.
 */
export function sendRelayMessage(message: RelayMessage): Promise<RelaySendResult> {
  const url = new URL(message.url);
  if (!message.allowPrivate && isPrivateHost(url.hostname)) {
    return Promise.resolve({ kind: "unreachable", reason: "private address", latencyMs: null });
  }
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: "POST",
        headers: {
          ...signedHeaders(message, new Date()),
          "content-type": "application/json",
          "user-agent": "Purwantara-Dashboard-Relay/1",
        },
        timeout: message.timeoutMs,
        ...(message.allowPrivate ? {} : { lookup: publicOnlyLookup }),
      },
      (res) =>
        void readCapped(res).then((answer) =>
          resolve({ kind: "answered", status: res.statusCode ?? 0, answer, latencyMs: elapsed() }),
        ),
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${message.timeoutMs} ms`)));
    req.on("error", (error) =>
      resolve({
        kind: "unreachable",
        reason: error instanceof PrivateAddressError ? "private address" : error.message,
        latencyMs: error instanceof PrivateAddressError ? null : elapsed(),
      }),
    );
    req.end(message.body);
  });
}

/** The answer's first bytes as text; the rest is drained and dropped. */
function readCapped(res: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on("data", (chunk: Buffer) => {
      if (size < answerCapBytes) chunks.push(chunk.subarray(0, answerCapBytes - size));
      size += chunk.length;
    });
    const done = () => resolve(Buffer.concat(chunks).toString("utf8"));
    res.on("end", done);
    res.on("error", done);
    res.on("aborted", done);
  });
}
