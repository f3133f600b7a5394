import { isIPv6 } from "node:net";

/**
 * The unit an address is counted as for limits: an IPv4 address as it is, an IPv6
 * address as its /64 network ("2001:db8:1:2::/64"). One subscriber or host usually
 * holds a whole /64, so counting single IPv6 addresses would give them 2^64 tries.
 */
export function addressGroup(ip: string): string {
  const address = ip.split("%")[0] ?? ip; // a zone ("fe80::1%eth0") is local detail
  if (!isIPv6(address)) return ip;
  const prefix = hextets(address.toLowerCase()).slice(0, 4);
  return `${prefix.map((h) => parseInt(h, 16).toString(16)).join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, "::" expanded. */
function hextets(address: string): string[] {
  // A trailing dotted IPv4 part ("::ffff:1.2.3.4") stands for the last two groups.
  const plain = address.replace(/\d+\.\d+\.\d+\.\d+$/, "0:0");
  const [left = "", right] = plain.split("::");
  const head = left ? left.split(":") : [];
  if (right === undefined) return head;
  const tail = right ? right.split(":") : [];
  return [...head, ...Array<string>(8 - head.length - tail.length).fill("0"), ...tail];
}
