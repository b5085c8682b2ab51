// Graceful shutdown of a server process. On SIGTERM or SIGINT, Next.js stops taking connections,
// lets the requests in flight finish and then calls process.exit. Before the process goes, the
// background worker must have stopped and the database must be closed: the PostgreSQL pool ends
// its connections, the embedded database writes its shutdown checkpoint (the next start needs no
// recovery) and frees its lock. Next has no hook after its drain, so the exit it calls waits for
// those (at most CLOSE_DEADLINE_MS).
import "server-only";

import { closeDb } from "@/lib/server/db/client";
import { log } from "@/lib/server/log";

const CLOSE_DEADLINE_MS = 10_000;

type Stoppable = { stop: () => Promise<void> };

export function shutDownGracefully(worker: Stoppable | null): void {
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return; // a terminal's Ctrl+C reaches both npm start and the server
    started = true;
    log().info({ signal }, "shutting down: finishing the requests in flight");
    const workerStopped = worker?.stop().then(() => log().info("background worker stopped"));
    const exit = process.exit.bind(process);
    let exiting = false;
    process.exit = ((code?: number) => {
      if (exiting) return exit(code);
      exiting = true;
      setTimeout(() => {
        log().error("shutdown: closing took too long, exiting anyway");
        exit(code);
      }, CLOSE_DEADLINE_MS).unref();
      void (async () => {
        try {
          await workerStopped;
          if (await closeDb()) log().info("database closed");
        } catch (error) {
          log().error({ err: error }, "shutdown: closing the database failed");
        }
        log().flush();
        exit(code);
      })();
    }) as typeof process.exit;
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
