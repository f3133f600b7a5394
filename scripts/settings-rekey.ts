/**
 * `npm run settings:rekey`: re-seals every saved gateway secret with the current key
 * (SETTINGS_ENCRYPTION_KEY), in one transaction. To rotate: move the old key to
 * SETTINGS_ENCRYPTION_KEY_PREVIOUS, set a new SETTINGS_ENCRYPTION_KEY, run this; then
 * the old key can be dropped. Prints counts and key ids only, never a secret.
 */
import pg from "pg";
import { keyringFromEnv, needsResealing, reseal } from "../lib/crypto/secret-box";
import type { GatewayMode } from "@purwantara/contract";
import { sealedColumns, sealedFields, secretContext } from "../lib/settings/sealed-fields";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("settings:rekey: DATABASE_URL must be set");
    process.exit(1);
  }
  let keyring: ReturnType<typeof keyringFromEnv>;
  try {
    keyring = keyringFromEnv();
  } catch (error) {
    console.error("settings:rekey:", error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("begin");
    const { rows } = await client.query<Record<string, string | null> & { mode: GatewayMode }>(
      "select * from gateway_settings for update",
    );
    let resealed = 0;
    let current = 0;
    for (const row of rows) {
      for (const field of sealedFields) {
        const column = sealedColumns[field].sql;
        const sealed = row[column];
        if (!sealed) continue;
        if (!needsResealing(sealed, keyring)) {
          current++;
          continue;
        }
        const next = reseal(sealed, secretContext(row.mode, field), keyring);
        await client.query(`update gateway_settings set ${column} = $1 where mode = $2`, [
          next,
          row.mode,
        ]);
        resealed++;
      }
    }
    await client.query("commit");
    console.log(
      `settings:rekey: ${resealed} value(s) re-sealed with key ${keyring.current.id}; ${current} already were`,
    );
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    console.error(
      "settings:rekey: failed, nothing changed:",
      error instanceof Error ? error.message : error,
    );
    process.exitCode = 1;
  } finally {
    await client.end();
  }
}

void main();
