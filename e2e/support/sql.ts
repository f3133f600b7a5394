import pg from "pg";
import { databaseUrl } from "./env";

/** One statement on the app's database, on a connection of its own; the rows it returns. */
export async function sql(text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}
