// Addresses as bytes: which ones an outbound call may not reach by default (loopback, private,
// link-local where cloud metadata services live, carrier-grade NAT, multicast, reserved — also
// when written inside an IPv6 address: IPv4-mapped, NAT64, 6to4), networks written as CIDR, and
// which hop of X-Forwarded-For is the client. Refusing private targets keeps a webhook from being
// turned against the network the app runs in (SSRF). Parsed into bytes, never matched as text:
// `::ffff:7f00:1`, `[::ffff:127.0.0.1]` and `0:0:0:0:0:ffff:7f00:0001` are one address.
import { isIP } from "node:net";

/** 4 bytes (IPv4) or 16 (IPv6). */
export type AddressBytes = readonly number[];

function parseIpv4(text: string): number[] | null {
  if (isIP(text) !== 4) return null;
  return text.split(".").map(Number);
}

function parseIpv6(text: string): number[] | null {
  const address = text.replace(/%.*$/, ""); // a zone (fe80::1%eth0) does not change the address
  if (isIP(address) !== 6) return null;
  let tail: number[] = [];
  let groups = address;
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (dotted) {
    tail = parseIpv4(dotted[1]!)!;
    groups = `${address.slice(0, dotted.index)}:${tail.length ? "0:0" : ""}`;
  }
  const [head, rest] = groups.split("::") as [string, string | undefined];
  const words = (part: string) => (part ? part.split(":").map((word) => parseInt(word, 16)) : []);
  const left = words(head);
  const right = rest === undefined ? [] : words(rest);
  const zeros = rest === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  const bytes = [...left, ...zeros, ...right].flatMap((word) => [word >> 8, word & 0xff]);
  if (dotted) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** The bytes of an IP address literal (brackets allowed), or null when it is not one. */
export function parseAddress(text: string): AddressBytes | null {
  const bare = text.trim().replace(/^\[(.*)\]$/, "$1");
  return parseIpv4(bare) ?? parseIpv6(bare);
}

/** A network: an address and how many leading bits are fixed (`10.0.0.0/8`, `fd00::/8`, `::1`). */
export type Network = { bytes: AddressBytes; prefix: number };

export function parseNetwork(text: string): Network | null {
  const [address, prefixText, extra] = text.trim().split("/");
  if (extra !== undefined) return null;
  const bytes = parseAddress(address ?? "");
  if (!bytes) return null;
  const bits = bytes.length * 8;
  if (prefixText === undefined) return { bytes, prefix: bits };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return null;
  return { bytes, prefix: Number(prefixText) };
}

/** The IPv4 address an IPv6 address stands for, when it is only a v4 address in v6 clothes. */
function unwrapIpv4(bytes: AddressBytes): AddressBytes {
  return bytes.length === 16 && startsWith(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff])
    ? bytes.slice(12)
    : bytes;
}

function startsWith(bytes: AddressBytes, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

export function isInNetwork(address: AddressBytes, network: Network): boolean {
  const [a, n] = [unwrapIpv4(address), unwrapIpv4(network.bytes)];
  const prefix = network.prefix - (network.bytes.length - n.length) * 8;
  if (a.length !== n.length || prefix < 0) return false;
  for (let bit = 0; bit < prefix; bit++) {
    const mask = 0x80 >> (bit % 8);
    if ((a[bit >> 3]! & mask) !== (n[bit >> 3]! & mask)) return false;
  }
  return true;
}

function networks(...texts: string[]): Network[] {
  return texts.map((text) => parseNetwork(text)!);
}

/** IPv4 networks that are not the public internet (RFC 6890 and its successors). */
const PRIVATE_V4 = networks(
  "0.0.0.0/8", // "this network"
  "10.0.0.0/8",
  "100.64.0.0/10", // carrier-grade NAT
  "127.0.0.0/8",
  "169.254.0.0/16", // link-local: cloud metadata services
  "172.16.0.0/12",
  "192.0.0.0/24", // IETF protocol assignments
  "192.0.2.0/24", // documentation
  "192.88.99.0/24", // 6to4 relays
  "192.168.0.0/16",
  "198.18.0.0/15", // benchmarking
  "198.51.100.0/24", // documentation
  "203.0.113.0/24", // documentation
  "224.0.0.0/3", // multicast, reserved, broadcast
);

/** IPv6 networks that are never public, whatever they carry. */
const PRIVATE_V6 = networks(
  "64:ff9b:1::/48", // local-use NAT64
  "100::/64", // discard
  "2001::/32", // Teredo: a tunnel to any IPv4 address
  "2001:db8::/32", // documentation
  "3fff::/20", // documentation
  "fc00::/7", // unique local
  "fe80::/10", // link-local
  "fec0::/10", // site-local (deprecated)
  "ff00::/8", // multicast
);

/**
 * The IPv4 addresses an IPv6 address carries, which decide where it leads: IPv4-compatible and
 * IPv4-mapped (::/96, ::ffff:0:0/96, ::ffff:0:0:0/96), NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
 */
function carriedIpv4(bytes: AddressBytes): AddressBytes | null {
  const last4 = bytes.slice(12);
  if (startsWith(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0])) {
    const [x, y] = [bytes[10], bytes[11]];
    if ((x === 0 && y === 0) || (x === 0xff && y === 0xff)) return last4;
  }
  if (startsWith(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0])) return last4;
  if (startsWith(bytes, [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0])) return last4;
  if (startsWith(bytes, [0x20, 0x02])) return bytes.slice(2, 6);
  return null;
}

function isPrivateBytes(bytes: AddressBytes): boolean {
  if (bytes.length === 4) return PRIVATE_V4.some((network) => isInNetwork(bytes, network));
  const carried = carriedIpv4(bytes);
  if (carried) return isPrivateBytes(carried);
  return PRIVATE_V6.some((network) => isInNetwork(bytes, network));
}

/** Whether an IP address (v4 or v6, any spelling) is not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const bytes = parseAddress(address);
  return bytes ? isPrivateBytes(bytes) : true; // not an address at all: never reach it
}

/**
 * Which outbound targets are allowed besides the public internet: none (the default), every
 * private network (`true`), or the networks listed (`10.20.0.0/16,fd00:1::/64`).
 */
export type PrivateNetworkAllowance = "none" | "all" | readonly Network[];

export function parseAllowance(text: string | undefined): PrivateNetworkAllowance | null {
  const value = (text ?? "").trim();
  if (["", "false", "0"].includes(value)) return "none";
  if (["true", "1"].includes(value)) return "all";
  const listed = value.split(",").map(parseNetwork);
  return listed.every(Boolean) ? (listed as Network[]) : null;
}

/** Whether an outbound call may connect to this address. */
export function mayConnectTo(address: string, allowance: PrivateNetworkAllowance): boolean {
  if (allowance === "all" || !isPrivateAddress(address)) return true;
  if (allowance === "none") return false;
  const bytes = parseAddress(address);
  return Boolean(bytes && allowance.some((network) => isInNetwork(bytes, network)));
}

/** Which proxies in front of the app may be believed about the client: how many, or which. */
export type TrustedProxies = { count: number } | { networks: readonly Network[] };

export function parseTrustedProxies(text: string | undefined): TrustedProxies | null {
  const value = (text ?? "").trim();
  if (!value) return { count: 0 };
  if (/^\d{1,2}$/.test(value)) return { count: Number(value) };
  const listed = value.split(",").map(parseNetwork);
  return listed.every(Boolean) ? { networks: listed as Network[] } : null;
}

/** An address in one spelling: IPv4-mapped IPv6 as IPv4, as the session list shows it. */
function canonical(address: string): string {
  const bytes = parseAddress(address);
  if (!bytes) return address;
  const unwrapped = unwrapIpv4(bytes);
  return unwrapped.length === 4 ? unwrapped.join(".") : address.replace(/^\[|\]$/g, "");
}

/**
 * The client's address: the socket's peer, unless it is a trusted proxy; then the right-most
 * X-Forwarded-For hop that is not one. Hops left of the first untrusted one were written by the
 * client and are never believed. With a count, the right-most `count` hops (the socket's peer
 * counted) are the proxies.
 */
export function clientAddressOf(
  socketAddress: string,
  forwardedFor: string | undefined,
  trusted: TrustedProxies,
): string {
  const hops = [
    ...(forwardedFor ?? "")
      .split(",")
      .map((hop) => hop.trim())
      .filter(Boolean),
    socketAddress,
  ].map(canonical);
  if ("count" in trusted) return hops[Math.max(0, hops.length - 1 - trusted.count)]!;
  for (let index = hops.length - 1; index >= 0; index--) {
    const bytes = parseAddress(hops[index]!);
    // A hop that is no address at all cannot be a proxy we trust: it is the client's word.
    if (!bytes || !trusted.networks.some((network) => isInNetwork(bytes, network))) {
      return bytes ? hops[index]! : hops[index + 1]!;
    }
  }
  return hops[0]!;
}
