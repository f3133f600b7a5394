import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createHttpHandler } from "./http";
import { createSmtpServer, Refusals } from "./smtp";
import { MailStore } from "./store";

export type MailCatcherOptions = {
  host?: string;
  /** 0: any free port. */
  smtpPort?: number;
  httpPort?: number;
  /** Keep messages on disk here (survive a restart); memory only when unset. */
  dataDir?: string;
  /** At most this many messages are kept; the oldest go first. */
  limit?: number;
  log?: (line: string) => void;
};

export type MailCatcher = {
  store: MailStore;
  refusals: Refusals;
  /** Starts both servers; resolves with where they listen. */
  listen(): Promise<{ smtpPort: number; httpUrl: string }>;
  close(): Promise<void>;
};

/**
 * A real SMTP server that keeps what it is sent, and a small HTTP server to read it:
 * the local mail catcher of `npm run dev` and the tests. Never run in production.
 */
export function createMailCatcher(options: MailCatcherOptions = {}): MailCatcher {
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? (() => undefined);
  const store = new MailStore({ dataDir: options.dataDir, limit: options.limit });
  const refusals = new Refusals();
  const smtp = createSmtpServer(store, refusals, log);
  let smtpAddress = "";
  const http = createServer((req, res) => {
    void createHttpHandler(store, refusals, () => smtpAddress)(req, res);
  });
  return {
    store,
    refusals,
    async listen() {
      await store.load();
      await new Promise<void>((resolve, reject) => {
        smtp.once("error", reject);
        smtp.listen(options.smtpPort ?? 1025, host, () => resolve());
      });
      const smtpPort = (smtp.server.address() as AddressInfo).port;
      smtpAddress = `${host}:${smtpPort}`;
      await new Promise<void>((resolve, reject) => {
        http.once("error", reject);
        http.listen(options.httpPort ?? 1080, host, () => resolve());
      });
      const httpPort = (http.address() as AddressInfo).port;
      return { smtpPort, httpUrl: `http://${host}:${httpPort}` };
    },
    async close() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
