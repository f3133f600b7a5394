import { AsyncLocalStorage } from "node:async_hooks";
import { createRequire } from "node:module";
import { join } from "node:path";
import pino, { type DestinationStream, type Logger } from "pino";
import { z } from "zod";

/**
 * The app's one logger: pino, one JSON object per line on stdout (pretty in `npm run
 * dev` when pino-pretty is installed), at LOG_LEVEL. Every line written while a request
 * is handled carries its request id (lib/http/request-log.ts puts it in context).
 * Lines name things by id and count: never a person's name, email, phone or a secret.
 * Not `server-only`: scripts and the instrumentation hook log through it too.
 */
const levels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const levelSchema = z.enum(levels);

export type RequestContext = { requestId: string };

type Holder = { logger?: Logger; context: AsyncLocalStorage<RequestContext> };
// On globalThis: Next.js may load this module once per route bundle; one logger and one
// request context serve them all.
const key = Symbol.for("purwantara.log");
const holder = ((globalThis as typeof globalThis & { [key]?: Holder })[key] ??= {
  context: new AsyncLocalStorage<RequestContext>(),
});

/** LOG_LEVEL, or `info` (`silent` under vitest unless set). */
export function logLevel(env: Record<string, string | undefined> = process.env): string {
  const raw = env.LOG_LEVEL || (env.VITEST ? "silent" : "info");
  const parsed = levelSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`LOG_LEVEL: must be one of ${levels.join(", ")}`);
  return parsed.data;
}

/** A logger writing to `destination` (stdout by default); the app uses `log`. */
export function createLogger(
  options: { level?: string; destination?: DestinationStream } = {},
): Logger {
  return pino(
    {
      level: options.level ?? logLevel(),
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const context = holder.context.getStore();
        return context ? { requestId: context.requestId } : {};
      },
    },
    options.destination ?? prettyInDevelopment(),
  );
}

/** pino-pretty as a plain stream (no worker thread) in development, if it is installed. */
function prettyInDevelopment(): DestinationStream | undefined {
  if (process.env.NODE_ENV !== "development" || process.env.LOG_FORMAT === "json") return;
  try {
    // Resolved from the project at run time, so a production install without it still starts.
    const load = createRequire(join(process.cwd(), "package.json"));
    const pretty = load("pino-pretty") as (options: object) => DestinationStream;
    return pretty({ colorize: true, sync: true, ignore: "pid,hostname" });
  } catch {
    return undefined;
  }
}

/** The app's logger (created on first use). */
export function getLogger(): Logger {
  holder.logger ??= createLogger();
  return holder.logger;
}

/** A child logger for one part of the app: `logFor("jobs").info(...)` adds `component`. */
export function logFor(component: string): Logger {
  return getLogger().child({ component });
}

/** Runs `fn` with `context` attached to every line logged inside it, however deep. */
export function withRequestContext<T>(context: RequestContext, fn: () => T): T {
  return holder.context.run(context, fn);
}

/** The request id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return holder.context.getStore()?.requestId;
}

type ErrorFacts = { type: string; chain: string; message?: string; stack?: string };

/**
 * What of an error may be logged. Query errors carry their parameters (an email, a
 * phone) in the message of drizzle's wrapper, and PostgreSQL's own messages can quote
 * a value, so errors with an SQLSTATE and their wrappers give class and code only;
 * other errors (a bug) keep a short message and the stack frames.
 */
export function errorFacts(error: unknown): ErrorFacts {
  const chain: Error[] = [];
  for (let e: unknown = error; e instanceof Error && chain.length < 5; e = e.cause) chain.push(e);
  const innermost = chain.at(-1);
  if (!innermost) return { type: typeof error, chain: typeof error };
  const codeOf = (e: Error) => {
    const code = (e as Error & { code?: unknown }).code;
    return typeof code === "string" ? code : undefined;
  };
  const facts: ErrorFacts = {
    type: innermost.name,
    chain: chain.map((e) => [e.name, codeOf(e)].filter(Boolean).join(" ")).join(" <- "),
  };
  const fromDatabase = chain.some((e) => codeOf(e) || e.message.startsWith("Failed query"));
  if (!fromDatabase) {
    facts.message = innermost.message.slice(0, 200);
    facts.stack = innermost.stack?.split("\n").slice(1, 8).join("\n");
  }
  return facts;
}
