import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { waitForHttp } from "../../scripts/processes";
import { appServerEnv, runSecrets, type ServerPorts } from "../../e2e/support/servers";

/** The addresses scripts/test.ts (--only=cluster) chose, for the config and the spec. */
export type ClusterPorts = ServerPorts & { proxy: number; replicas: number[] };

export function clusterPorts(): ClusterPorts {
  const { CLUSTER_PROXY_PORT, CLUSTER_REPLICA_PORTS } = process.env;
  if (!CLUSTER_PROXY_PORT || !CLUSTER_REPLICA_PORTS) {
    throw new Error("CLUSTER_PROXY_PORT is unset: run the suite with npm run test:cluster");
  }
  return {
    proxy: Number(CLUSTER_PROXY_PORT),
    replicas: CLUSTER_REPLICA_PORTS.split(",").map(Number),
    emulator: Number(process.env.E2E_EMULATOR_PORT),
    mailSmtp: Number(process.env.E2E_MAIL_SMTP_PORT),
    mailHttp: Number(process.env.E2E_MAIL_HTTP_PORT),
  };
}

export const proxyUrl = (ports: ClusterPorts) => `http://127.0.0.1:${ports.proxy}`;

/**
 * One `npm start` process of the shared build (scripts/start.mjs, exactly as production
 * runs it), its output kept in `<dir>/replica-<n>.log`. Every replica runs the job
 * runner (the sweep's schedule every minute) and the inbox drainer.
 */
export class Replica {
  child: ChildProcess | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);

  constructor(
    readonly index: number,
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly dir: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const log = createWriteStream(join(this.dir, `replica-${this.index}.log`), { flags: "a" });
    const child = spawn(process.execPath, ["scripts/start.mjs"], {
      env: { ...process.env, ...this.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.child = child;
    this.exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
    await waitForHttp(`${this.url}/api/ready`, 60_000);
  }

  /** SIGTERM: resolves with the exit code once the process has ended. */
  async terminate(): Promise<number | null> {
    this.child?.kill("SIGTERM");
    return this.exited;
  }

  /** SIGKILL: the process ends at once, nothing of it finishes. */
  async kill(): Promise<void> {
    this.child?.kill("SIGKILL");
    await this.exited;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }
}

/** The three replicas of the cluster on one database, not started yet. */
export function replicas(ports: ClusterPorts, databaseUrl: string, dir: string): Replica[] {
  const secrets = runSecrets();
  return ports.replicas.map(
    (port, index) =>
      new Replica(
        index + 1,
        port,
        {
          ...appServerEnv({ port, appUrl: proxyUrl(ports), databaseUrl, ports, secrets }),
          // nginx on this machine: its X-Forwarded-For is read.
          TRUSTED_PROXIES: "127.0.0.1",
          JOBS: "on",
          SWEEP_CRON: "* * * * *",
          SHUTDOWN_GRACE_SECONDS: "20",
        },
        dir,
      ),
  );
}
