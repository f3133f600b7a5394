/**
 * A second process for the cross-process race test (lib/webhooks/race.test.ts): sends
 * the same signed delivery `copies` times at once through the receive path against
 * DATABASE_URL, waits for GO on stdin so both processes start together, and prints
 * the outcomes as JSON. Run with `node --conditions=react-server --import tsx`.
 */
import { localCallbackSecret } from "@purwantara/contract";
import { callbackRequest, ingestWithSecrets } from "@/testing/callbacks";
import { closeDb } from "@/db/client";
import { stopInboxDrainer } from "@/lib/webhooks/inbox";

const [bodyBase64, deliveryId, copies] = process.argv.slice(2);
const body = Buffer.from(bodyBase64!, "base64");
const secrets = [{ mode: "local" as const, slot: "current" as const, secret: localCallbackSecret }];

process.stdout.write("READY\n");
process.stdin.once("data", () => {
  void (async () => {
    const results = await Promise.all(
      Array.from({ length: Number(copies) }, () => {
        const request = callbackRequest(body, { deliveryId });
        return ingestWithSecrets(request, secrets);
      }),
    );
    process.stdout.write(`${JSON.stringify(results.map((r) => r.body.outcome ?? r.status))}\n`);
    // As on SIGTERM: what this process took to apply is finished before it goes.
    await stopInboxDrainer();
    await closeDb();
    process.exit(0);
  })();
});
