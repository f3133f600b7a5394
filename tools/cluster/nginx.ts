import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * nginx in front of the replicas with the shipped locations (deploy/nginx/dashboard.conf),
 * run as a process of the test from a config written to a temporary directory. Every
 * answer names the replica that gave it (`X-Upstream`, test only), so a test can see
 * where each request went.
 */
export function nginxConfig(options: { dir: string; port: number; replicaPorts: number[] }) {
  const servers = options.replicaPorts
    .map((p) => `    server 127.0.0.1:${p} max_fails=3 fail_timeout=5s;`)
    .join("\n");
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((kind) => `  ${kind}_temp_path ${join(options.dir, kind)};`)
    .join("\n");
  return `worker_processes 1;
daemon off;
pid ${join(options.dir, "nginx.pid")};
error_log ${join(options.dir, "error.log")} warn;
events { worker_connections 1024; }
http {
  access_log ${join(options.dir, "access.log")};
${temp}
  upstream dashboard {
${servers}
    keepalive 16;
    keepalive_timeout 60s;
  }
  server {
    listen 127.0.0.1:${options.port};
    add_header X-Upstream $upstream_addr always;
    include ${resolve("deploy/nginx/dashboard.conf")};
  }
}
`;
}

export type Nginx = { child: ChildProcess; stop: () => Promise<void> };

/** Writes the config under `dir` and runs nginx in the foreground; resolves once it listens. */
export async function startNginx(options: {
  dir: string;
  port: number;
  replicaPorts: number[];
}): Promise<Nginx> {
  mkdirSync(options.dir, { recursive: true });
  const file = join(options.dir, "nginx.conf");
  writeFileSync(file, nginxConfig(options));
  const child = spawn("nginx", ["-p", options.dir, "-c", file], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}`);
    const up = await fetch(`http://127.0.0.1:${options.port}/nginx-probe`)
      .then(() => true)
      .catch(() => false);
    if (up) break;
    if (Date.now() > deadline) throw new Error("nginx did not listen within 10 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGQUIT");
      await exited;
    },
  };
}
