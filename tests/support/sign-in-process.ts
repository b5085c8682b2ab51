// A separate process signing in against a PostgreSQL database, as a second app instance would:
// its own Prisma client, its own connections, no memory shared with the test.
//   tsx --conditions=react-server tests/support/sign-in-process.ts <database-url> <email> <password> <times>
// Prints one line of JSON: the outcome of each attempt ("OK" or the error code).
import { isAppError } from "@/lib/errors";
import { setDb, createPostgresClient } from "@/lib/server/db/client";
import { signInWithPassword } from "@/lib/server/users/sign-in-with-password";

async function main() {
  const [url, email, password, times] = process.argv.slice(2);
  const prisma = createPostgresClient(url!);
  setDb(prisma);
  const outcomes: string[] = [];
  for (let i = 0; i < Number(times); i++) {
    try {
      await signInWithPassword({ email: email!, password: password!, client: "198.51.100.9" });
      outcomes.push("OK");
    } catch (error) {
      outcomes.push(isAppError(error) ? error.code : String(error));
    }
  }
  console.log(JSON.stringify(outcomes));
  await prisma.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
