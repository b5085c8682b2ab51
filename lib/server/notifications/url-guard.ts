import "server-only";

// Calls out of the app (webhooks today) reach public addresses only, unless
// WEBHOOK_ALLOW_PRIVATE_NETWORKS allows private ones (all, or the networks it lists). A URL is
// checked when it is saved (a clear 422), and every connection checks the address it connects to:
// the name is resolved once, the answer validated, and the socket opened to that very address, so a
// name that answers "public" to a check and "private" to the connection (DNS rebinding) gets
// nowhere.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";

import { Agent, fetch as undiciFetch, type RequestInit, type Response } from "undici";

import { mayConnectTo, type PrivateNetworkAllowance } from "@/lib/domain/network";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** Resolves a name to every address it has (node's dns.lookup with `all: true`). */
export type Resolve = (
  hostname: string,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolve: Resolve = (hostname, callback) => dnsLookup(hostname, { all: true }, callback);

export type OutboundOptions = { allowance?: PrivateNetworkAllowance; resolve?: Resolve };

function allowanceOf(options: OutboundOptions): PrivateNetworkAllowance {
  return options.allowance ?? getEnv().WEBHOOK_ALLOW_PRIVATE_NETWORKS;
}

function refused(host: string, address: string): AppError {
  return new AppError(
    "UNPROCESSABLE",
    "URL_NOT_ALLOWED",
    `${host} is a loopback or private-network address (${address}); webhooks go to public addresses only.`,
    { host, address },
  );
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^\[|\]$/g, "");
}

function resolveAll(host: string, resolve: Resolve): Promise<LookupAddress[]> {
  return new Promise((done, fail) =>
    resolve(host, (error, addresses) => (error ? fail(error) : done(addresses))),
  );
}

/** Refuses (422 URL_NOT_ALLOWED) a URL whose host is, or resolves to, an address not allowed. */
export async function assertPublicUrl(url: string, options: OutboundOptions = {}): Promise<void> {
  const allowance = allowanceOf(options);
  const host = hostOf(url);
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = (await resolveAll(host, options.resolve ?? systemResolve)).map((a) => a.address);
    } catch {
      throw new AppError("UNPROCESSABLE", "URL_NOT_ALLOWED", `${host} cannot be resolved.`, {
        host,
      });
    }
  }
  const blocked = addresses.find((address) => !mayConnectTo(address, allowance));
  if (blocked) throw refused(host, blocked);
}

/**
 * A socket lookup that resolves once and answers only with allowed addresses: a name with any
 * refused address is refused whole (one of its answers could be chosen).
 */
export function checkingLookup(options: OutboundOptions = {}): LookupFunction {
  const allowance = allowanceOf(options);
  const resolve = options.resolve ?? systemResolve;
  return (hostname, lookupOptions, callback) => {
    resolve(hostname, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const blocked = addresses.find((entry) => !mayConnectTo(entry.address, allowance));
      if (blocked || !addresses.length) {
        const problem = refused(hostname, blocked?.address ?? "no address");
        return callback(Object.assign(problem, { code: "URL_NOT_ALLOWED" }), "", 0);
      }
      const family = lookupOptions.family === 6 ? 6 : lookupOptions.family === 4 ? 4 : 0;
      const usable = addresses.filter((entry) => !family || entry.family === family);
      if (lookupOptions.all) return callback(null, usable as never, 0);
      const first = usable[0] ?? addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/**
 * `fetch` for calls out of the app: the address connected to is the address checked (literal hosts
 * are checked here, names by the socket's lookup). Errors name the reason, not "fetch failed".
 */
export async function outboundFetch(
  url: string,
  init: Omit<RequestInit, "dispatcher">,
  options: OutboundOptions = {},
): Promise<Response> {
  const host = hostOf(url);
  if (isIP(host) && !mayConnectTo(host, allowanceOf(options))) throw refused(host, host);
  const dispatcher = new Agent({ connect: { lookup: checkingLookup(options) } });
  try {
    return await undiciFetch(url, { ...init, dispatcher });
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    throw cause instanceof Error ? cause : error;
  } finally {
    // The answer's body is read (or cancelled) by the caller; the agent closes after it.
    void dispatcher.close().catch(() => undefined);
  }
}
