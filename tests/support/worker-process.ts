// A separate process running the notification worker against a PostgreSQL database, as another app
// instance would: its own Prisma client and connections, nothing shared with the test in memory.
//   node --conditions=react-server --import tsx tests/support/worker-process.ts <database-url> <run-ms>
// Prints "started" when it runs and "stopped" after <run-ms> (unless it is killed first).
import { createPostgresClient, setDb } from "@/lib/server/db/client";
import { startWorker } from "@/lib/server/notifications/worker";

async function main() {
  const [url, runMs] = process.argv.slice(2);
  const prisma = createPostgresClient(url!);
  setDb(prisma);
  const worker = startWorker({
    intervalMs: 50,
    scheduleEveryMs: 24 * 3_600_000,
    onError: (error) => console.error(error),
  });
  console.log("started");
  await new Promise((resolve) => setTimeout(resolve, Number(runMs)));
  await worker.stop();
  await prisma.$disconnect();
  console.log("stopped");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
