/**
 * The local mail catcher on its own: `tsx tools/mail-catcher/main.ts`. `npm run dev`
 * starts it beside the emulator and points the app's SMTP_URL at it.
 */
import { createMailCatcher } from "./server";

function port(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`mail catcher: ${name} must be a port number, got "${value}"`);
    process.exit(1);
  }
  return n;
}

async function main() {
  const catcher = createMailCatcher({
    host: process.env.MAIL_CATCHER_HOST || "127.0.0.1",
    smtpPort: port("MAIL_CATCHER_SMTP_PORT", 1025),
    httpPort: port("MAIL_CATCHER_HTTP_PORT", 1080),
    dataDir: process.env.MAIL_CATCHER_DATA_DIR || undefined,
    log: (line) => console.log(`mail catcher: ${line}`),
  });
  const { smtpPort, httpUrl } = await catcher.listen();
  console.log(`mail catcher: SMTP on port ${smtpPort}; read the mail at ${httpUrl}/`);
  const stop = () => void catcher.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`mail catcher: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
