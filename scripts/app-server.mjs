// The production HTTP server's settings and its factory, apart from Next.js so they
// can be tested with any handler (lib/http/app-server.test.ts). Plain JS: `npm start`
// runs it with node alone, no loader in the production process.
import http from "node:http";

/**
 * [chosen] Slow clients: the whole request (headers and body) within 15 s, its headers
 * within 10 s, checked every second (Node's default check is every 30 s, which would
 * let a slow request live up to 45 s). Answers are not limited: an export streams for
 * as long as it has rows. An idle kept-alive connection lives 65 s, longer than a
 * proxy's usual 60 s idle timeout, so the proxy closes it first and never reuses one
 * the app has just closed (a 502).
 */
export const serverTimeouts = Object.freeze({
  requestTimeoutMs: 15_000,
  headersTimeoutMs: 10_000,
  checkEveryMs: 1_000,
  keepAliveTimeoutMs: 65_000,
});

/** Where `npm start` listens: BIND_ADDRESS (default loopback) and PORT (default 3000). */
export function listenAddress(env) {
  const host = env.BIND_ADDRESS || "127.0.0.1";
  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`PORT: "${env.PORT}" is not a port number (1-65535)`);
  }
  return { host, port };
}

/** An HTTP server for `handler` with the timeouts above (or others, in tests). */
export function createAppServer(handler, timeouts = serverTimeouts) {
  const server = http.createServer(
    {
      requestTimeout: timeouts.requestTimeoutMs,
      headersTimeout: timeouts.headersTimeoutMs,
      connectionsCheckingInterval: timeouts.checkEveryMs,
      keepAliveTimeout: timeouts.keepAliveTimeoutMs,
    },
    handler,
  );
  // Set after creation too: older Node 20 releases read it from the server only.
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  return server;
}

/**
 * Graceful stop: the server stops accepting connections, closes the idle kept-alive
 * ones, answers what arrives on the busy ones with `Connection: close` (`isStopping`),
 * and waits for the requests in flight (a callback being stored, an export streaming)
 * up to `graceMs`; then cuts what is left. Resolves true when every request finished.
 */
export function drainServer(server, graceMs) {
  return new Promise((resolve) => {
    let cut = false;
    const timer = setTimeout(() => {
      cut = true;
      server.closeAllConnections();
    }, graceMs);
    // An idle connection may turn up between two requests: keep closing them.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearTimeout(timer);
      clearInterval(idle);
      resolve(!cut);
    });
    server.closeIdleConnections();
  });
}

/** Seconds `npm start` lets requests in flight finish after SIGTERM (SHUTDOWN_GRACE_SECONDS, default 20). */
export function shutdownGraceMs(env) {
  const seconds = Number(env.SHUTDOWN_GRACE_SECONDS || 20);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 600) {
    throw new Error(`SHUTDOWN_GRACE_SECONDS: "${env.SHUTDOWN_GRACE_SECONDS}" is not 0-600`);
  }
  return seconds * 1000;
}
