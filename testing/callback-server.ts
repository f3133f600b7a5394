/**
 * The callback route in a process of its own, behind node:http, for tests that need
 * several app processes on one database (lib/webhooks/burst.load.test.ts), with the app's
 * password step at POST /sign-in for a sign-in flood beside callbacks. Prints
 * `LISTENING <port>`; on SIGTERM stops its drainer (finishing what it holds) and exits.
 * Run with `node --conditions=react-server --import tsx`.
 */
import http from "node:http";
import { closeDb } from "@/db/client";
import { POST } from "@/app/api/webhooks/purwantara/route";
import { startInboxDrainer, stopInboxDrainer } from "@/lib/webhooks/inbox";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { peerHeader, peerStamp } from "@/lib/http/peer-address";

/** POST /sign-in {email, password, ip}: the app's password step, as from that address. */
async function signIn(body: Buffer): Promise<Response> {
  const { email, password, ip } = JSON.parse(body.toString()) as Record<string, string>;
  const headers = new Headers({ [peerHeader]: peerStamp(ip) });
  const result = await signInWithPassword({ email: email!, password: password!, headers });
  return Response.json({ status: result.status });
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    const body = Buffer.concat(chunks);
    const request = new Request("http://127.0.0.1/api/webhooks/purwantara", {
      method: req.method,
      headers,
      body: req.method === "POST" ? body : undefined,
    });
    const answer = req.url === "/sign-in" ? signIn(body) : POST(request);
    void answer.then(async (response) => {
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
