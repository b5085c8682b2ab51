import "server-only";

// The client's address, as the throttle and the session list record it: the socket's peer, or
// behind TRUSTED_PROXIES the right-most X-Forwarded-For hop that is not a trusted proxy. Route
// handlers never see the socket, so every server process (instrumentation.ts) listens to Node's
// `http.server.request.start` channel, which runs before Next.js sees a request, and writes the
// address into a header of its own, replacing whatever a client sent in it.
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

import { clientAddressOf, type TrustedProxies } from "@/lib/domain/network";

const HEADER = "x-release-calendar-client-address";
// Shared through globalThis: instrumentation and the routes are bundled apart, each with its own
// copy of this module.
const INSTALLED = Symbol.for("release-calendar.client-address");

type Global = typeof globalThis & { [INSTALLED]?: boolean };

/** Starts writing each request's client address (once per process). */
export function installClientAddress(trusted: TrustedProxies): void {
  const global = globalThis as Global;
  if (global[INSTALLED]) return;
  global[INSTALLED] = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const forwarded = request.headers["x-forwarded-for"];
    request.headers[HEADER] = clientAddressOf(
      socket.remoteAddress ?? "",
      Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
      trusted,
    );
  });
}

/**
 * The client address of a request, or null where no HTTP server of this process wrote one (a
 * route called in a test): never a header value that a client could have chosen.
 */
export function clientAddressFrom(headers: Headers): string | null {
  if (!(globalThis as Global)[INSTALLED]) return null;
  return headers.get(HEADER);
}
