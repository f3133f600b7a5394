import "server-only";
import { countUsers } from "@/db/queries/users";

/** False on a fresh database, when /setup is the way in. */
export async function hasAnyAccount(): Promise<boolean> {
  return (await countUsers()) > 0;
}
