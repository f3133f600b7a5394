import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** The header the /control routes need when the emulator runs with a control token. */
export const controlTokenHeader = "x-emulator-control-token";

/** True when the request carries the control token (or none is configured: in-process tests). */
export function hasControlToken(req: IncomingMessage, expected: string | undefined): boolean {
  if (!expected) return true;
  const given = req.headers[controlTokenHeader];
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A POST to the simulator or a hosted page must come from the emulator's own pages: a
 * browser says where a form was posted from (Origin, else Sec-Fetch-Site), and another
 * site's page is refused. Clients that send neither (curl, tests) are not browsers.
 */
export function isSameOriginPost(req: IncomingMessage, ownOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (typeof origin === "string" && origin !== "null") return ownOrigins.includes(origin);
  if (origin === "null") return false;
  const site = req.headers["sec-fetch-site"];
  return site === undefined || site === "same-origin" || site === "none";
}
