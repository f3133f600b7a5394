// `npm start`: the built app (`npm run build`) on Node's HTTP server with request and
// header timeouts (scripts/app-server.mjs), which `next start` does not let us set.
// Listens on BIND_ADDRESS:PORT (default 127.0.0.1:3000: a reverse proxy on the same
// machine); the README's production section says how to run it behind a proxy.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import next from "next";
import {
  createAppServer,
  drainServer,
  listenAddress,
  serverTimeouts,
  shutdownGraceMs,
} from "./app-server.mjs";

/** After the requests' grace, how long the inbox, the jobs and the pools get to stop. */
const backgroundStopMs = 15_000;

/**
 * SIGTERM/SIGINT: stop taking requests, let those in flight finish (bounded), then stop
 * the inbox drainer and the job runner and close the pools (lib/ops/shutdown.ts,
 * registered by instrumentation.ts), and exit 0; 1 if anything had to be cut.
 */
function stopOn(signal, server, state, graceMs) {
  process.once(signal, async () => {
    state.stopping = true;
    console.log(`${signal}: draining (up to ${graceMs / 1000} s for requests in flight)`);
    const force = setTimeout(() => {
      console.error("stop: the background work did not end in time; exiting");
      process.exit(1);
    }, graceMs + backgroundStopMs);
    force.unref();
    const drained = await drainServer(server, graceMs);
    const stopBackground = globalThis.__purwantaraShutdown;
    const stopped = await (stopBackground ? stopBackground() : Promise.resolve(true));
    console.log(`${signal}: stopped (requests ${drained ? "all finished" : "cut at the grace"})`);
    process.exit(drained && stopped !== false ? 0 : 1);
  });
}

/**
 * In the image the app is Next.js's standalone output (.next/standalone), which has no
 * next.config.ts: use the config the build recorded, as Next.js's own server.js does.
 */
function adoptBuiltConfig(dir) {
  if (existsSync(join(dir, "next.config.ts"))) return;
  const files = JSON.parse(readFileSync(join(dir, ".next", "required-server-files.json"), "utf8"));
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(files.config);
}

async function main() {
  process.env.NODE_ENV = "production";
  adoptBuiltConfig(process.cwd());
  const { host, port } = listenAddress(process.env);
  const graceMs = shutdownGraceMs(process.env);
  const app = next({ dev: false, dir: process.cwd(), hostname: host, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const state = { stopping: false };
  const server = createAppServer((request, response) => {
    // While stopping, a kept-alive connection carries no further request.
    if (state.stopping) response.setHeader("Connection", "close");
    handle(request, response).catch((error) => {
      // Next.js answers its own errors; this is a failure of the handler itself.
      console.error(`request handler failed: ${error?.name ?? "Error"}`);
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    });
  });
  stopOn("SIGTERM", server, state, graceMs);
  stopOn("SIGINT", server, state, graceMs);
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const { requestTimeoutMs, headersTimeoutMs } = serverTimeouts;
  console.log(
    `Listening on http://${host.includes(":") ? `[${host}]` : host}:${port} (request timeout ${requestTimeoutMs / 1000} s, headers ${headersTimeoutMs / 1000} s)`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
