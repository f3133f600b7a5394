// `npm start`: the built app (`npm run build`) on Node's HTTP server with request and
// header timeouts (scripts/app-server.mjs), which `next start` does not let us set.
// Listens on BIND_ADDRESS:PORT (default 127.0.0.1:3000: a reverse proxy on the same
// machine); the README's production section says how to run it behind a proxy.
import next from "next";
import { createAppServer, listenAddress, serverTimeouts } from "./app-server.mjs";

/** How long in-flight requests may finish after SIGTERM/SIGINT before the process exits. */
const stopGraceMs = 10_000;

async function main() {
  process.env.NODE_ENV = "production";
  const { host, port } = listenAddress(process.env);
  const app = next({ dev: false, dir: process.cwd(), hostname: host, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createAppServer((request, response) => {
    handle(request, response).catch((error) => {
      // Next.js answers its own errors; this is a failure of the handler itself.
      console.error(`request handler failed: ${error?.name ?? "Error"}`);
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    });
  });
  for (const [signal, code] of [
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ]) {
    process.once(signal, () => {
      server.close(() => process.exit(code));
      server.closeIdleConnections();
      setTimeout(() => process.exit(code), stopGraceMs).unref();
    });
  }
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
