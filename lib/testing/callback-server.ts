/**
 * The callback route in a process of its own, behind node:http, for tests that need
 * several app processes on one database (lib/webhooks/burst.test.ts). Prints
 * `LISTENING <port>`; on SIGTERM stops its drainer (finishing what it holds) and exits.
 * Run with `node --conditions=react-server --import tsx`.
 */
import http from "node:http";
import { closeDb } from "@/db/client";
import { POST } from "@/app/api/webhooks/purwantara/route";
import { startInboxDrainer, stopInboxDrainer } from "@/lib/webhooks/inbox";

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    const request = new Request("http://127.0.0.1/api/webhooks/purwantara", {
      method: req.method,
      headers,
      body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
    });
    void POST(request).then(async (response) => {
      res.writeHead(response.status, { "content-type": "application/json" });
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
});

server.listen(0, "127.0.0.1", () => {
  startInboxDrainer();
  const address = server.address();
  process.stdout.write(`LISTENING ${typeof address === "object" && address ? address.port : 0}\n`);
});

process.on("SIGTERM", () => {
  server.close();
  void stopInboxDrainer()
    .then(() => closeDb())
    .then(() => process.exit(0));
});
