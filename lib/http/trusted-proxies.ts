import { BlockList, isIP } from "node:net";

/**
 * The reverse proxies whose forwarded headers the app believes (TRUSTED_PROXIES):
 * comma-separated networks in CIDR form, IPv4 and IPv6 ("10.0.0.0/8, fd00::/8"); a bare
 * address is a network of one. IPv4-mapped IPv6 addresses ("::ffff:10.0.0.1") match
 * the IPv4 networks and the other way round. Kept free of `server-only`: the env schema,
 * `proxy.ts` and instrumentation read it too.
 */
export type TrustedProxies = {
  /** The networks as parsed ("10.0.0.0/8"), for messages. */
  readonly networks: readonly string[];
  /** Whether `address` lies in one of the networks. */
  has(address: string): boolean;
};

export class TrustedProxiesError extends Error {
  override name = "TrustedProxiesError";
}

/** Trusts nobody: forwarded headers are never read. */
export const noTrustedProxies: TrustedProxies = { networks: [], has: () => false };

/** Parses TRUSTED_PROXIES; throws TrustedProxiesError naming the first bad entry. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  const networks: string[] = [];
  for (const entry of (value ?? "").split(",").map((e) => e.trim())) {
    if (!entry) continue;
    const network = parseNetwork(entry);
    list.addSubnet(network.address, network.prefix, network.family);
    networks.push(`${network.address}/${network.prefix}`);
  }
  if (networks.length === 0) return noTrustedProxies;
  return {
    networks,
    has(address) {
      const ip = address.trim().split("%")[0] ?? ""; // a zone ("fe80::1%eth0") is local detail
      const family = isIP(ip);
      return family !== 0 && list.check(ip, family === 4 ? "ipv4" : "ipv6");
    },
  };
}

function parseNetwork(entry: string): {
  address: string;
  prefix: number;
  family: "ipv4" | "ipv6";
} {
  const [address = "", prefixText, extra] = entry.split("/");
  const family = isIP(address);
  const max = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (family === 0 || extra !== undefined || !/^\d{1,3}$/.test(prefixText ?? "0")) {
    throw new TrustedProxiesError(
      `"${entry}" is not an address or a network (e.g. 10.0.0.0/8, fd00::/8, 192.0.2.7)`,
    );
  }
  if (prefix < 1 || prefix > max) {
    // A /0 would trust every client to name its own address: the hole this closes.
    throw new TrustedProxiesError(`"${entry}": the prefix must be 1 to ${max}`);
  }
  return { address, prefix, family: family === 4 ? "ipv4" : "ipv6" };
}
