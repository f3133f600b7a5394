import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { keyFromBytes, open, seal } from "@/lib/crypto/secret-box";
import { queryTestDb, withTestDatabase } from "@/testing/database";
import { secretContext } from "./sealed-fields";

const db = withTestDatabase();
const run = promisify(execFile);

describe("npm run settings:rekey", () => {
  it("re-seals every saved secret with the newest key, so the old key can be dropped", async () => {
    const oldBytes = randomBytes(32);
    const newBytes = randomBytes(32);
    const oldRing = { current: keyFromBytes(oldBytes), previous: [] };
    const newOnly = { current: keyFromBytes(newBytes), previous: [] };
    await queryTestDb(
      db.url(),
      "insert into gateway_settings (mode, token_sealed, callback_secret_sealed) values ('sandbox', $1, $2)",
      [
        seal("sandbox-token-1234", secretContext("sandbox", "token"), oldRing),
        seal("sandbox-secret-123456", secretContext("sandbox", "callbackSecret"), oldRing),
      ],
    );
    const { stdout } = await run("npx", ["tsx", "scripts/settings-rekey.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: db.url(),
        SETTINGS_ENCRYPTION_KEY: newBytes.toString("base64"),
        SETTINGS_ENCRYPTION_KEY_PREVIOUS: oldBytes.toString("hex"),
      },
    });
    expect(stdout).toContain(`2 value(s) re-sealed with key ${newOnly.current.id}`);
    expect(stdout).not.toContain("sandbox-token");
    const [row] = await queryTestDb<{ token_sealed: string; callback_secret_sealed: string }>(
      db.url(),
      "select token_sealed, callback_secret_sealed from gateway_settings",
    );
    expect(row!.token_sealed.split(".")[1]).toBe(newOnly.current.id);
    expect(open(row!.token_sealed, secretContext("sandbox", "token"), newOnly)).toBe(
      "sandbox-token-1234",
    );
    expect(
      open(row!.callback_secret_sealed, secretContext("sandbox", "callbackSecret"), newOnly),
    ).toBe("sandbox-secret-123456");
  }, 60_000);
});
