import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import {
  decryptSecret,
  encryptSecret,
  parseKeyring,
  sealedKeyId,
} from "@/lib/crypto/secret-box-core";
import { queryTestDb, withTestDatabase } from "@/lib/testing/database";
import { secretContext } from "./sealed-fields";

const db = withTestDatabase();
const run = promisify(execFile);

describe("npm run settings:rekey", () => {
  it("re-seals every saved secret with the newest key, so the old key can be dropped", async () => {
    const oldKey = `old:${randomBytes(32).toString("base64")}`;
    const newKey = `new:${randomBytes(32).toString("base64")}`;
    const oldRing = parseKeyring(oldKey);
    await queryTestDb(
      db.url(),
      "insert into gateway_settings (mode, token_sealed, callback_secret_sealed) values ('sandbox', $1, $2)",
      [
        encryptSecret("sandbox-token-1234", secretContext("sandbox", "token"), oldRing),
        encryptSecret("sandbox-secret-123456", secretContext("sandbox", "callbackSecret"), oldRing),
      ],
    );
    const { stdout } = await run("npx", ["tsx", "scripts/settings-rekey.ts"], {
      env: {
        ...process.env,
        DATABASE_URL: db.url(),
        SETTINGS_ENCRYPTION_KEY: `${newKey},${oldKey}`,
      },
    });
    expect(stdout).toContain("2 value(s) re-sealed with key new");
    expect(stdout).not.toContain("sandbox-token");
    const [row] = await queryTestDb<{ token_sealed: string; callback_secret_sealed: string }>(
      db.url(),
      "select token_sealed, callback_secret_sealed from gateway_settings",
    );
    const newOnly = parseKeyring(newKey);
    expect(sealedKeyId(row!.token_sealed)).toBe("new");
    expect(decryptSecret(row!.token_sealed, secretContext("sandbox", "token"), newOnly)).toBe(
      "sandbox-token-1234",
    );
    expect(
      decryptSecret(
        row!.callback_secret_sealed,
        secretContext("sandbox", "callbackSecret"),
        newOnly,
      ),
    ).toBe("sandbox-secret-123456");
  }, 60_000);
});
