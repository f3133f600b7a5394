import { UAParser } from "ua-parser-js";

/** What a sessions list says about a device: its kind, browser and system. */
export type DeviceKind = "phone" | "tablet" | "desktop";
export type DeviceFacts = {
  kind: DeviceKind | null;
  browser: string | null;
  os: string | null;
  /** The stored text when nothing could be read from it (rows from before the raw header). */
  other: string | null;
};

/** The header as stored with a session: printable, and no longer than a header should be. */
export function storableUserAgent(userAgent: string | null | undefined): string | null {
  const text = userAgent
    ?.replace(/[^\x20-\x7e]/g, "")
    .trim()
    .slice(0, 512);
  return text || null;
}

/**
 * "Phone · Chrome 131 · Android 14" from a stored User-Agent header. A desktop browser
 * names no device type, so a known browser or system with none is a desktop.
 */
export function describeDevice(userAgent: string | null | undefined): DeviceFacts | null {
  // Rows from before the whole header was kept hold a summary ("Chrome · Linux").
  if (userAgent && !userAgent.includes("/"))
    return { kind: null, browser: null, os: null, other: userAgent.slice(0, 60) };
  const ua = storableUserAgent(userAgent);
  if (!ua) return null;
  const { browser, os, device } = new UAParser(ua).getResult();
  const browserName = browser.name
    ? [browser.name.replace(/^Mobile /, ""), browser.major].filter(Boolean).join(" ")
    : null;
  const osName = os.name ? [os.name, os.version].filter(Boolean).join(" ") : null;
  if (!browserName && !osName)
    return { kind: null, browser: null, os: null, other: ua.slice(0, 60) };
  const kind: DeviceKind =
    device.type === "mobile" ? "phone" : device.type === "tablet" ? "tablet" : "desktop";
  return { kind, browser: browserName, os: osName, other: null };
}

/** The address a session came from, as a person reads it: IPv4 plainly, loopback as local. */
export function readableAddress(ip: string | null): { local: boolean; address: string } | null {
  if (!ip) return null;
  const address = ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return { local: address === "::1" || address.startsWith("127."), address };
}
