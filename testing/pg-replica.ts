import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { findFreePort } from "@/tools/embedded-postgres";

const run = promisify(execFile);

/**
 * A primary PostgreSQL cluster of its own (a fresh `initdb` under a temp dir) and a hot
 * standby streaming from it (`pg_basebackup -R`), for tests of the read replica. Uses
 * the server binaries of the Debian `postgresql` package; the machine's own server is
 * not touched. PostgreSQL refuses to run as root, so as root the clusters run as the
 * `postgres` user (runuser).
 */
export type ReplicaPair = {
  primaryUrl: (database: string) => string;
  standbyUrl: (database: string) => string;
  stopStandby: () => Promise<void>;
  stop: () => Promise<void>;
};

/** The directory holding initdb, pg_ctl and pg_basebackup, or null when none is installed. */
export function postgresBinaries(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(root, version, "bin");
    if (["initdb", "pg_ctl", "pg_basebackup"].every((b) => existsSync(join(bin, b)))) return bin;
  }
  return null;
}

const asRoot = process.getuid?.() === 0;

async function as(bin: string, command: string, args: string[]): Promise<void> {
  const file = join(bin, command);
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  await run(cmd, argv, { timeout: 60_000 });
}

async function startCluster(bin: string, dir: string, port: number): Promise<void> {
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir}/..`;
  await as(bin, "pg_ctl", ["-D", dir, "-o", options, "-l", `${dir}.log`, "-w", "start"]);
}

export async function startReplicaPair(): Promise<ReplicaPair> {
  const bin = postgresBinaries();
  if (!bin) throw new Error("no PostgreSQL server binaries under /usr/lib/postgresql");
  const base = await mkdtemp(join(tmpdir(), "purwantara-replica-"));
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    await chown(base, Number(stdout.trim()), Number(gid.trim()));
  }
  const primary = join(base, "primary");
  const standby = join(base, "standby");
  const [primaryPort, standbyPort] = [await findFreePort(), await findFreePort()];
  const stopped = new Set<string>();
  const stopCluster = async (dir: string) => {
    if (stopped.has(dir) || !existsSync(join(dir, "postmaster.pid"))) return;
    stopped.add(dir);
    await as(bin, "pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
  };
  const stop = async () => {
    await stopCluster(standby);
    await stopCluster(primary);
    await rm(base, { recursive: true, force: true });
  };
  try {
    await as(bin, "initdb", ["-D", primary, "-U", "postgres", "--auth=trust", "--no-sync"]);
    await startCluster(bin, primary, primaryPort);
    const source = ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres"];
    await as(bin, "pg_basebackup", ["-D", standby, "-R", "-X", "stream", ...source]);
    await startCluster(bin, standby, standbyPort);
  } catch (error) {
    await stop();
    throw error;
  }
  const url = (port: number) => (database: string) =>
    `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    primaryUrl: url(primaryPort),
    standbyUrl: url(standbyPort),
    stopStandby: () => stopCluster(standby),
    stop,
  };
}
