/**
 * `npm run settings:rekey`: re-seals every saved gateway secret with the newest key of
 * SETTINGS_ENCRYPTION_KEY (the first of the ring), in one transaction. Run it after
 * putting a new key first; then the old key can be dropped from the ring. Prints
 * counts and key ids only, never a secret.
 */
import pg from "pg";
import { parseKeyring, resealSecret, sealedKeyId } from "../lib/crypto/secret-box-core";
import type { GatewayMode } from "../lib/purwantara/contract";
import { sealedColumns, sealedFields, secretContext } from "../lib/settings/sealed-fields";

async function main() {
  const url = process.env.DATABASE_URL;
  const raw = process.env.SETTINGS_ENCRYPTION_KEY;
  if (!url || !raw) {
    console.error("settings:rekey: DATABASE_URL and SETTINGS_ENCRYPTION_KEY must be set");
    process.exit(1);
  }
  const keyring = parseKeyring(raw);
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
        if (sealedKeyId(sealed) === keyring[0]!.id) {
          current++;
          continue;
        }
        const next = resealSecret(sealed, secretContext(row.mode, field), keyring);
        await client.query(`update gateway_settings set ${column} = $1 where mode = $2`, [
          next,
          row.mode,
        ]);
        resealed++;
      }
    }
    await client.query("commit");
    console.log(
      `settings:rekey: ${resealed} value(s) re-sealed with key ${keyring[0]!.id}; ${current} already were`,
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
