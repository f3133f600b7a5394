import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

/** One request the receiver got, in arrival order. */
export type ReceivedRelay = {
  path: string;
  id: string;
  /** Whether `Webhook.verify` accepted it with the path's secret. */
  verified: boolean;
  /** What the receiver answered. */
  status: number;
  body: { type?: string; data?: Record<string, unknown> } | null;
};

type Behaviour = { secret?: string; failNext: number; redirectTo?: string };

/**
 * A real HTTP receiver for relay tests (vitest and Playwright): each path is an
 * endpoint with its own secret; every request is verified with standardwebhooks'
 * `Webhook.verify` and kept. A path can be told to fail its next N requests (503) or
 * to answer with a redirect. A signature that does not verify gets a 401.
 */
export async function startRelayReceiver(host = "127.0.0.1") {
  const received: ReceivedRelay[] = [];
  const paths = new Map<string, Behaviour>();
  const behaviour = (path: string) => {
    let b = paths.get(path);
    if (!b) paths.set(path, (b = { failNext: 0 }));
    return b;
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      const raw = Buffer.concat(chunks).toString("utf8");
      const b = behaviour(path);
      const headers = Object.fromEntries(
        ["webhook-id", "webhook-timestamp", "webhook-signature"].map((h) => [
          h,
          String(req.headers[h] ?? ""),
        ]),
      );
      let verified = false;
      try {
        if (b.secret) verified = Boolean(new Webhook(b.secret).verify(raw, headers));
      } catch {
        verified = false;
      }
      let body: ReceivedRelay["body"] = null;
      try {
        body = JSON.parse(raw) as ReceivedRelay["body"];
      } catch {
        body = null;
      }
      let status = 200;
      if (!verified) status = 401;
      else if (b.redirectTo) status = 302;
      else if (b.failNext > 0) {
        b.failNext -= 1;
        status = 503;
      }
      received.push({ path, id: headers["webhook-id"] ?? "", verified, status, body });
      if (status === 302) res.setHeader("location", b.redirectTo!);
      res.statusCode = status;
      res.end(status === 200 ? "ok" : `refused ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    received,
    /** Sets a path's secret (from the endpoint's "shown once" secret). */
    secret(path: string, secret: string) {
      behaviour(path).secret = secret;
    },
    failNext(path: string, count: number) {
      behaviour(path).failNext = count;
    },
    redirect(path: string, to: string) {
      behaviour(path).redirectTo = to;
    },
    /** The requests a path answered with 2xx (delivered). */
    delivered(path: string) {
      return received.filter((r) => r.path === path && r.status === 200);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type RelayReceiver = Awaited<ReturnType<typeof startRelayReceiver>>;
