// Runs once when a server process starts (Node.js runtime only): the client address of every
// request (the socket's peer, or behind TRUSTED_PROXIES the forwarded one), the notification
// worker of this instance (several instances share the work through PostgreSQL;
// NOTIFICATIONS_WORKER=false turns it off) and the graceful shutdown on SIGTERM/SIGINT: Next's server stops taking connections and
// finishes the requests in flight, then the worker stops and the database closes (lib/server/shutdown).
import type { Instrumentation } from "next";

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/env");
  const { shutDownGracefully } = await import("./lib/server/shutdown");
  const { installClientAddress } = await import("./lib/server/http/client-address");
  installClientAddress(getEnv().TRUSTED_PROXIES);
  let worker = null;
  if (getEnv().NOTIFICATIONS_WORKER) {
    const { startWorker } = await import("./lib/server/notifications/worker");
    worker = startWorker();
  }
  shutDownGracefully(worker);
}

/** Errors of pages, route handlers and server actions, as one structured log line each. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log, requestErrorFields } = await import("./lib/server/log");
  log().error(requestErrorFields(error, request, context), "request failed");
};
