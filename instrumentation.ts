// Runs once when a server process starts: the notification worker of this instance (several
// instances share the work through PostgreSQL). Not in the edge runtime, not with
// NOTIFICATIONS_WORKER=false.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/env");
  if (!getEnv().NOTIFICATIONS_WORKER) return;
  const { startWorker } = await import("./lib/server/notifications/worker");
  const worker = startWorker();
  const stop = () => void worker.stop();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
