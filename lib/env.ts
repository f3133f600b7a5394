import "server-only";
import { parseEnv, type Env } from "./env-schema";

let cached: Env | undefined;

/** The validated environment, parsed on first use (not at build time). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
