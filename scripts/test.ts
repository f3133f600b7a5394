/**
 * `npm test`: every suite against real parts. Uses the PostgreSQL server that
 * DATABASE_URL points at (tests make and drop their own databases on it), or an
 * embedded one under .data/pg-test. Databases are migrated as that server's admin and
 * the app runs as the runtime role `purwantara_test_app` (db/runtime-role.ts). Runs vitest (unit + integration), then builds
 * the app once and runs Playwright in Chromium against the built app and the emulator,
 * then the cluster suite (tools/cluster: three `npm start` replicas of that same build
 * behind nginx). `--only=vitest`, `--only=e2e` or `--only=cluster` runs one of them.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findFreePort } from "../tools/embedded-postgres";
import { runMigrations } from "../db/migrate";
import { connectDatabaseServer, localRuntimeRoles } from "../tools/database-server";

const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const extraArgs = process.argv.slice(2).filter((a) => !a.startsWith("--only="));

/**
 * Runs a child to its end without blocking this process: an embedded PostgreSQL started
 * here writes its log into a pipe this event loop drains. With spawnSync the pipe filled
 * during a long run and every backend that logged (the checkpointer first) stopped, so
 * DROP DATABASE waited for a checkpoint forever.
 */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  console.log(`\n$ ${command} ${args.join(" ")}`);
  return new Promise((done) => {
    spawn(command, args, { stdio: "inherit", env })
      .once("error", () => done(1))
      .once("exit", (code) => done(code ?? 1));
  });
}

function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

async function main(): Promise<number> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const server = await connectDatabaseServer(process.env.DATABASE_URL, {
    dataDir: ".data/pg-test",
    port: await findFreePort(),
  });
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    TEST_DATABASE_ADMIN_URL: server.urlFor("postgres"),
  };
  let status = 0;
  try {
    const reuse = process.env.E2E_REUSE_BUILD === "1";
    if (only === "cluster") return await runEndToEnd(server, env, "cluster", !reuse);
    if (only !== "e2e") status ||= await run("vitest", ["run", ...extraArgs], env);
    // The load tests (bursts over several app processes) alone, so nothing else shares the cores.
    if (only !== "e2e" && extraArgs.length === 0) {
      status ||= await run("vitest", ["run"], { ...env, VITEST_LOAD: "1" });
    }
    if (only !== "vitest") status ||= await runEndToEnd(server, env, "e2e", !reuse);
    // The same build, as three replicas behind nginx.
    if (only === undefined) status ||= await runEndToEnd(server, env, "cluster", false);
  } finally {
    await server.stop();
  }
  return status;
}

/** Each browser suite's Playwright config and the addresses it needs beyond the e2e ones. */
const suites = {
  e2e: { config: "playwright.config.ts", ports: async () => ({}) },
  cluster: {
    config: "tools/cluster/playwright.config.ts",
    ports: async () => ({
      CLUSTER_PROXY_PORT: String(await findFreePort()),
      CLUSTER_REPLICA_PORTS: [
        await findFreePort(),
        await findFreePort(),
        await findFreePort(),
      ].join(","),
    }),
  },
};

async function runEndToEnd(
  server: Awaited<ReturnType<typeof connectDatabaseServer>>,
  env: NodeJS.ProcessEnv,
  suite: keyof typeof suites,
  /** Build first (`next build`); false reuses the last build (E2E_REUSE_BUILD=1, or a suite after another). */
  build: boolean,
): Promise<number> {
  if (!existsSync(chromiumPath())) {
    console.error(
      `No Chromium at ${chromiumPath()}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
    return 1;
  }
  const built = build ? await run("next", ["build"], env) : 0;
  if (built !== 0) return built;
  const database = `purwantara_e2e_${process.pid}`;
  // A fresh emulator state per run, made once here (the config file is loaded by every worker).
  const emulatorDataDir = mkdtempSync(join(tmpdir(), "purwantara-e2e-emulator-"));
  await server.dropDatabase(database);
  await server.ensureDatabase(database);
  try {
    const role = localRuntimeRoles.test;
    await server.ensureLoginRole(role);
    await runMigrations(server.urlFor(database), { runtimeRole: role.name });
    return await run("playwright", ["test", "-c", suites[suite].config, ...extraArgs], {
      ...(await suites[suite].ports()),
      ...env,
      E2E_EMULATOR_DATA_DIR: emulatorDataDir,
      // The specs' fixtures write as the admin; the app runs as the runtime role.
      E2E_DATABASE_URL: server.urlFor(database),
      E2E_APP_DATABASE_URL: server.urlAs(database, role),
      E2E_APP_PORT: String(await findFreePort()),
      E2E_EMULATOR_PORT: String(await findFreePort()),
      E2E_MAIL_SMTP_PORT: String(await findFreePort()),
      E2E_MAIL_HTTP_PORT: String(await findFreePort()),
    });
  } finally {
    await server.dropDatabase(database);
    rmSync(emulatorDataDir, { recursive: true, force: true });
  }
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
