// A process writing to an embedded database as the app does, to be killed (SIGKILL) mid-write:
//   node --conditions=react-server --import tsx tests/support/pglite-writer.ts <pglite-dir>
// Opens the folder the way the app's scripts do (its lock; migrations applied), then, until it is
// killed, plans releases and signs their stages off through the app's own services. Each write is
// printed as one JSON line only after its transaction committed, so that the test knows what must
// have survived: {"release": id} or {"signed": id, "key": stage, "by": userId}.
import { setDb } from "@/lib/server/db/client";
import { createRelease } from "@/lib/server/releases/create-release";
import { signOffStage } from "@/lib/server/releases/stage-actions";
import type { SessionUser } from "@/lib/types/user";

import { openDatabase } from "../../scripts/db/open-database";
import { deployMigrations } from "../../scripts/db/schema-engine";

import { goLiveIn, SIGN_OFF_ORDER } from "./factories";

async function person(
  prisma: ReturnType<typeof openDatabase>["prisma"],
  key: string,
  role: SessionUser["role"],
): Promise<SessionUser> {
  return prisma.user.upsert({
    where: { email: `${key}@crash.test` },
    update: {},
    create: { email: `${key}@crash.test`, name: `Crash ${key}`, role, passwordHash: "not-used" },
    select: { id: true, email: true, name: true, role: true },
  });
}

async function main() {
  const [dir] = process.argv.slice(2);
  const database = openDatabase({ kind: "pglite", dir: dir! });
  await deployMigrations(database.target);
  setDb(database.prisma);
  const people = {
    rm: await person(database.prisma, "rm", "RELEASE_MANAGER"),
    manager: await person(database.prisma, "rm2", "RELEASE_MANAGER"), // PROD: not the creator
    qa: await person(database.prisma, "qa", "QA"),
    qa2: await person(database.prisma, "qa2", "QA"),
  };
  // Releases of this run and how far their sign-offs got (a killed run's are left as they are).
  const progress: { id: string; next: number }[] = [];
  console.log(JSON.stringify({ ready: true }));
  for (let round = 0; ; round++) {
    const release = await createRelease(people.rm, {
      type: "RELEASE",
      name: `Crash ${process.pid}-${round}`,
      version: `crash-${process.pid}-${round}`,
      goLive: await goLiveIn(60 + (round % 40)),
    });
    console.log(JSON.stringify({ release: release.id }));
    progress.push({ id: release.id, next: 0 });
    // Two sign-offs per round, on the oldest releases of this run not yet live.
    for (const item of progress.filter((e) => e.next < SIGN_OFF_ORDER.length).slice(0, 2)) {
      const { key, who } = SIGN_OFF_ORDER[item.next]!;
      await signOffStage({ id: item.id, key, decision: "APPROVE", actor: people[who] });
      console.log(JSON.stringify({ signed: item.id, key, by: people[who].id }));
      item.next++;
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
