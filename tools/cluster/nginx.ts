import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * nginx in front of the replicas, as the README's "Running behind a reverse proxy"
 * configures it (timeouts, buffering, forwarded headers), run as a process of the
 * test from a config written to a temporary directory. Every answer names the replica
 * that gave it (`X-Upstream`), so a test can see where a request went. A callback is
 * sent on to the next replica after an error, a timeout or a 502/503 even though it is
 * a POST (`non_idempotent`): the route stores each delivery once by its id, so a
 * delivery passed twice is recorded once.
 */
export function nginxConfig(options: { dir: string; port: number; replicaPorts: number[] }) {
  const servers = options.replicaPorts
    .map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`)
    .join("\n");
  const proxied = `
      proxy_pass http://dashboard;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_request_buffering on;
      proxy_read_timeout 60s;
      proxy_connect_timeout 2s;
      add_header X-Upstream $upstream_addr always;`;
  return `worker_processes 1;
daemon off;
pid ${join(options.dir, "nginx.pid")};
error_log ${join(options.dir, "error.log")} warn;
events { worker_connections 1024; }
http {
  access_log ${join(options.dir, "access.log")};
  client_body_temp_path ${join(options.dir, "body")};
  proxy_temp_path ${join(options.dir, "proxy")};
  fastcgi_temp_path ${join(options.dir, "fastcgi")};
  uwsgi_temp_path ${join(options.dir, "uwsgi")};
  scgi_temp_path ${join(options.dir, "scgi")};
  upstream dashboard {
${servers}
    keepalive 16;
    keepalive_timeout 60s;
  }
  server {
    listen 127.0.0.1:${options.port};
    client_header_timeout 10s;
    client_body_timeout 10s;
    client_max_body_size 6m;
    send_timeout 30s;
    location / {${proxied}
      proxy_next_upstream error timeout http_502 http_503;
    }
    location = /api/webhooks/purwantara {${proxied}
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
    }
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
