import { describe, expect, it } from "vitest";
import { createLogger, errorFacts, logLevel, withRequestContext } from "./log";

function capture(level = "info") {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level,
    destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
  return { logger, lines };
}

describe("the logger", () => {
  it("writes one JSON object per line with its level, time and message", () => {
    const { logger, lines } = capture();
    logger.child({ component: "jobs" }).info({ runId: "r1" }, "status sweep run finished");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "info",
      component: "jobs",
      runId: "r1",
      msg: "status sweep run finished",
    });
    expect(new Date(String(lines[0]?.time)).getTime()).not.toBeNaN();
  });

  it("adds the request id to every line logged inside a request, however deep", async () => {
    const { logger, lines } = capture();
    await withRequestContext({ requestId: "req-12345678" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.info("inside");
    });
    logger.info("outside");
    expect(lines.map((l) => [l.msg, l.requestId])).toEqual([
      ["inside", "req-12345678"],
      ["outside", undefined],
    ]);
  });

  it("drops lines below LOG_LEVEL and refuses a level that does not exist", () => {
    const { logger, lines } = capture("warn");
    logger.info("quiet");
    logger.warn("loud");
    expect(lines.map((l) => l.msg)).toEqual(["loud"]);
    expect(logLevel({ LOG_LEVEL: "debug" })).toBe("debug");
    expect(logLevel({})).toBe("info");
    expect(() => logLevel({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL/);
  });
});

describe("errorFacts", () => {
  it("keeps no query parameters or database message: class and code only", () => {
    const pgError = Object.assign(
      new Error('duplicate key value violates unique constraint "users_email_key"'),
      { name: "DatabaseError", code: "23505" },
    );
    const wrapped = new Error(
      "Failed query: insert into users ...\nparams: sari@example.com,0812",
      {
        cause: pgError,
      },
    );
    const facts = errorFacts(wrapped);
    expect(facts).toEqual({ type: "DatabaseError", chain: "Error <- DatabaseError 23505" });
    expect(JSON.stringify(facts)).not.toContain("sari@example.com");
  });

  it("keeps a short message and the stack frames of a plain bug", () => {
    const facts = errorFacts(new TypeError("x is undefined"));
    expect(facts).toMatchObject({ type: "TypeError", message: "x is undefined" });
    expect(facts.stack).toMatch(/at /);
    expect(errorFacts("a string")).toEqual({ type: "string", chain: "string" });
  });
});
