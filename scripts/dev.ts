/**
 * `npm run dev`: the whole dashboard on one machine. Uses DATABASE_URL when set,
 * otherwise an embedded PostgreSQL under .data/pg, where it migrates as the server's
 * superuser and runs the app as the runtime role `purwantara_app` (db/runtime-role.ts),
 * as production should; starts the local Purwantara emulator (in local mode), the local
 * mail catcher (unless SMTP_URL is set) and `next dev`; prints where to sign in and
 * where to read the mail.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { ensureDevAdmin } from "../tools/dev-admin";
import { prepareLocalDatabase } from "../tools/local-database";
import { connectDatabaseServer, localRuntimeRoles } from "../tools/database-server";
import { parseEnv } from "../lib/env-schema";
import { ProcessGroup, waitForHttp } from "./processes";

const dataDir = ".data";

function persistedSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function main() {
  if (existsSync(".env")) process.loadEnvFile(".env");
  mkdirSync(dataDir, { recursive: true });
  const appPort = Number(process.env.PORT ?? 3000);
  const emulatorPort = Number(process.env.EMULATOR_PORT ?? 4010);
  const mailPorts = {
    smtp: Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 1025),
    http: Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 1080),
  };
  // Without an SMTP server of one's own, email goes to the local mail catcher.
  const catchMail = !process.env.SMTP_URL;

  const server = await connectDatabaseServer(process.env.DATABASE_URL, {
    dataDir: `${dataDir}/pg`,
    port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  });
  const { databaseUrl, migrateUrl } = await prepareLocalDatabase(server, process.env.DATABASE_URL);

  const baseEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATABASE_MIGRATE_URL: migrateUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? persistedSecret(`${dataDir}/auth-secret`),
    ...(catchMail
      ? {
          SMTP_URL: `smtp://127.0.0.1:${mailPorts.smtp}?tls=none`,
          MAIL_FROM: process.env.MAIL_FROM ?? "Purwantara Dashboard <no-reply@dashboard.localhost>",
        }
      : {}),
  };
  // Fails early, naming any bad variable. Without one, `npm run dev` runs the emulator
  // (local mode); NODE_ENV=production with no PURWANTARA_* reads the settings page.
  const mode = parseEnv(baseEnv).gateway?.mode ?? "settings";
  // In local mode the app talks to the emulator this script starts, on whatever port.
  const env =
    mode === "local" && !process.env.PURWANTARA_BASE_URL
      ? { ...baseEnv, PURWANTARA_BASE_URL: `http://127.0.0.1:${emulatorPort}/v1/` }
      : baseEnv;
  const processes = new ProcessGroup();
  const shutdown = async (code: number) => {
    await processes.stopAll();
    await server.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  const onCrash = (name: string) => (code: number | null) => {
    console.error(`${name} exited (${code}); stopping everything.`);
    void shutdown(1);
  };

  if (mode === "local") {
    processes.start(
      "emulator",
      "tsx",
      ["packages/emulator/main.ts"],
      {
        ...env,
        EMULATOR_PORT: String(emulatorPort),
        EMULATOR_CALLBACK_URL:
          process.env.EMULATOR_CALLBACK_URL ??
          `http://127.0.0.1:${appPort}/api/webhooks/purwantara`,
      },
      onCrash("The emulator"),
    );
  }
  if (catchMail) {
    processes.start(
      "mail catcher",
      "tsx",
      ["tools/mail-catcher/main.ts"],
      {
        ...env,
        MAIL_CATCHER_SMTP_PORT: String(mailPorts.smtp),
        MAIL_CATCHER_HTTP_PORT: String(mailPorts.http),
        MAIL_CATCHER_DATA_DIR: process.env.MAIL_CATCHER_DATA_DIR ?? `${dataDir}/mail`,
      },
      onCrash("The mail catcher"),
    );
    await waitForHttp(`http://127.0.0.1:${mailPorts.http}/health`, 60_000);
  }
  processes.start("next", "next", ["dev", "--port", String(appPort)], env, onCrash("Next.js"));
  await waitForHttp(`http://127.0.0.1:${appPort}/api/health`, 180_000);
  const login =
    mode === "local" ? await ensureDevAdmin(databaseUrl, `${dataDir}/dev-admin.json`) : null;
  printBanner({
    appPort,
    emulatorPort,
    mailUrl: catchMail ? `http://127.0.0.1:${mailPorts.http}/` : null,
    mode,
    embedded: server.embedded,
    login,
  });
}

function printBanner(info: {
  appPort: number;
  emulatorPort: number;
  /** The mail catcher's page; null when SMTP_URL names a server of one's own. */
  mailUrl: string | null;
  mode: string;
  embedded: boolean;
  login: Awaited<ReturnType<typeof ensureDevAdmin>>;
}) {
  const lines = [
    "",
    "  Purwantara dashboard is up",
    `  Sign in:    http://localhost:${info.appPort}/login`,
    info.login?.password
      ? `  Account:    ${info.login.email}  /  ${info.login.password}   (admin; saved in .data/dev-admin.json)`
      : info.login
        ? `  Account:    ${info.login.email} (its password was changed since it was made)`
        : "  Account:    sign in with your own account",
    info.mode === "local"
      ? `  Simulator:  http://127.0.0.1:${info.emulatorPort}/   (pay or expire test payments)`
      : info.mode === "settings"
        ? "  Gateway:    none in the environment; an admin saves credentials under Settings"
        : `  Gateway:    ${info.mode}`,
    info.mailUrl
      ? `  Mail:       ${info.mailUrl}   (every email the app sends is caught here, sent to nobody)`
      : "  Mail:       through SMTP_URL",
    `  Database:   ${info.embedded ? `embedded PostgreSQL, data in .data/pg (the app as ${localRuntimeRoles.dev.name})` : "DATABASE_URL"}`,
    "  Stop with Ctrl+C.",
    "",
  ];
  console.log(lines.join("\n"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
