// Runs once when a server process starts (Node.js runtime only): the notification worker of this
// instance (several instances share the work through PostgreSQL; NOTIFICATIONS_WORKER=false turns
// it off) and its stop on SIGTERM/SIGINT. Next's server itself stops taking connections and lets
// in-flight requests finish before the process exits.
import type { Instrumentation } from "next";

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/env");
  const { log } = await import("./lib/server/log");
  if (!getEnv().NOTIFICATIONS_WORKER) return;
  const { startWorker } = await import("./lib/server/notifications/worker");
  const worker = startWorker();
  const stop = (signal: NodeJS.Signals) => {
    log().info({ signal }, "shutting down: the notification worker finishes its current work");
    void worker.stop().then(() => log().info("notification worker stopped"));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

/** Errors of pages, route handlers and server actions, as one structured log line each. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log } = await import("./lib/server/log");
  const requestId = request.headers["x-request-id"];
  log().error(
    {
      err: error,
      method: request.method,
      path: request.path,
      route: context.routePath,
      routeType: context.routeType,
      ...(typeof requestId === "string" && { requestId }),
    },
    "request failed",
  );
};
