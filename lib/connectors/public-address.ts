import { lookup as lookupEach, type LookupAddress } from "node:dns";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { Agent } from "undici";
import { ConnectorError } from "./types";
import { message } from "@/lib/i18n/message";

/**
 * Store URLs are typed by merchants, and imports send the store's credentials with every request:
 * on a hosted install, a URL that resolves to loopback, a private range or the cloud's metadata
 * address would let a merchant reach inside the network. Only public addresses are fetched,
 * unless the operator allows private ones (self-hosting next to the shop, and the tests, whose
 * fake platforms listen on 127.0.0.1).
 */
export function privateStoreUrlsAllowed(): boolean {
  return process.env.ALLOW_PRIVATE_STORE_URLS?.trim() === "1";
}

/** `ALLOW_PRIVATE_STORE_URLS=10.0.0.5,192.168.1.20`: just those private addresses (one shop inside the network), nothing else. */
function allowedPrivateAddresses(): Set<string> {
  const setting = process.env.ALLOW_PRIVATE_STORE_URLS?.trim() ?? "";
  return new Set(setting.split(",").map((entry) => entry.trim().replace(/^\[|\]$/g, "").toLowerCase()).filter((entry) => isIP(entry)));
}

/** Ranges that are not the public internet: [first address as a bigint, prefix length]. */
const BLOCKED_V4: [string, number][] = [
  ["0.0.0.0", 8], // "this network"; 0.0.0.0 reaches the local host on Linux
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // CGNAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata (169.254.169.254)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
];

const BLOCKED_V6: [string, number][] = [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["100::", 64], // discard
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated, still routed by some stacks)
  ["ff00::", 8], // multicast
];

/** IPv6 prefixes that carry an IPv4 address, checked as that address: [prefix, length, bit offset of the IPv4 address from the right]. */
const EMBEDDING_V4: [string, number, number][] = [
  ["::ffff:0:0", 96, 0], // IPv4-mapped
  ["::", 96, 0], // IPv4-compatible (deprecated)
  ["64:ff9b::", 96, 0], // NAT64
  ["2002::", 16, 80], // 6to4
];

function v4ToBigInt(address: string): bigint {
  return address.split(".").reduce((value, part) => (value << 8n) | BigInt(Number(part)), 0n);
}

function v6ToBigInt(address: string): bigint {
  let text = address.toLowerCase();
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  // A trailing dotted IPv4 (::ffff:127.0.0.1) is two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = v4ToBigInt(dotted[1]);
    text = `${text.slice(0, dotted.index)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, null];
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const groups = tail === null ? headGroups : [...headGroups, ...Array(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups];
  return groups.reduce((value, group) => (value << 16n) | BigInt(parseInt(group || "0", 16)), 0n);
}

function inRange(value: bigint, base: bigint, prefix: number, bits: number): boolean {
  const shift = BigInt(bits - prefix);
  return value >> shift === base >> shift;
}

/** Whether an IP address (v4 or v6, as DNS or a URL gives it) is on the public internet. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address.replace(/^\[|\]$/g, "").replace(/%.*$/, ""));
  if (family === 4) {
    const value = v4ToBigInt(address);
    return !BLOCKED_V4.some(([base, prefix]) => inRange(value, v4ToBigInt(base), prefix, 32));
  }
  if (family !== 6) return false;
  const value = v6ToBigInt(address.replace(/^\[|\]$/g, ""));
  if (BLOCKED_V6.some(([base, prefix]) => inRange(value, v6ToBigInt(base), prefix, 128))) return false;
  for (const [base, prefix, offset] of EMBEDDING_V4) {
    if (!inRange(value, v6ToBigInt(base), prefix, 128)) continue;
    const v4 = (value >> BigInt(offset)) & 0xffffffffn;
    const dotted = [24n, 16n, 8n, 0n].map((shift) => String((v4 >> shift) & 0xffn)).join(".");
    return isPublicAddress(dotted);
  }
  return true;
}

/** A store URL that may not be fetched, with the reason in plain words; the fix is the store's address, like a 404. */
export class BlockedAddressError extends ConnectorError {
  constructor(readonly hostname: string) {
    super(
      message("storeErrors.privateAddress", { host: hostname }),
      "not_found",
    );
    this.name = "BlockedAddressError";
  }
}

export type ResolveHost = (hostname: string) => Promise<{ address: string }[]>;
const resolveHost: ResolveHost = (hostname) => lookup(hostname, { all: true, verbatim: true });

/**
 * Refuses a URL whose host is, or resolves to, a non-public address (every address DNS gives:
 * a name with one public and one private record is refused) that the operator did not allow:
 * before anything is sent, in words the merchant can act on. The connection itself goes through
 * `publicOnlyDispatcher`, which checks the addresses it connects to again.
 */
export async function assertPublicUrl(url: URL, resolve: ResolveHost = resolveHost): Promise<void> {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new BlockedAddressError(url.hostname || url.protocol);
  if (privateStoreUrlsAllowed()) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!mayConnectTo(isIP(host) ? [{ address: host }] : await resolve(host))) throw new BlockedAddressError(url.hostname);
}

function mayConnectTo(addresses: readonly { address: string }[]): boolean {
  if (privateStoreUrlsAllowed()) return true;
  const allowed = allowedPrivateAddresses();
  return addresses.length > 0 && addresses.every(({ address }) => isPublicAddress(address) || allowed.has(address.toLowerCase()));
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * The connection's own DNS lookup, held to the same rule: a name that answered public for
 * `assertPublicUrl` and answers private a moment later (DNS rebinding) is refused here, on the
 * very addresses the socket would use.
 */
function lookupPublicOnly(hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback): void {
  lookupEach(hostname, { family: options.family ?? 0, all: true, verbatim: true }, (error, addresses) => {
    if (error) return callback(error, []);
    if (!mayConnectTo(addresses)) return callback(new BlockedAddressError(hostname), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

/** The connections store requests use (`dispatcher` of fetch): every address checked as it is connected to. */
export const publicOnlyDispatcher = new Agent({ connect: { lookup: lookupPublicOnly as never } });
