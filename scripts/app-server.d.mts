// Types for scripts/app-server.mjs (plain JS so `npm start` needs no loader).
import type { RequestListener, Server } from "node:http";

export type ServerTimeouts = {
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  checkEveryMs: number;
  keepAliveTimeoutMs: number;
};
export declare const serverTimeouts: Readonly<ServerTimeouts>;
export declare function listenAddress(env: Record<string, string | undefined>): {
  host: string;
  port: number;
};
export declare function createAppServer(
  handler: RequestListener,
  timeouts?: ServerTimeouts,
): Server;
export declare function drainServer(server: Server, graceMs: number): Promise<boolean>;
export declare function shutdownGraceMs(env: Record<string, string | undefined>): number;
