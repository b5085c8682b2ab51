// The embedded database killed under write load: a process writing through the app's services is
// killed with SIGKILL at a random moment, again and again; after every restart the folder opens
// (the dead holder's lock is taken over), PostgreSQL's own checks find no damaged table or index
// (amcheck), every write reported committed is there, and the app's rules hold on what is stored.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { amcheck } from "@electric-sql/pglite/contrib/amcheck";
import { afterAll, describe, expect, it } from "vitest";

import { lockPgliteDir } from "@/lib/server/db/pglite-lock";

import { seededRandom } from "../support/random";

const ROOT = path.resolve(import.meta.dirname, "../..");
const KILLS = Number(process.env.CRASH_KILLS ?? 5);
const work = mkdtempSync(path.join(tmpdir(), "rc-crash-"));
const dir = path.join(work, "pglite");

afterAll(() => rmSync(work, { recursive: true, force: true }));

type Written = { release: string } | { signed: string; key: string; by: string };

/** pg_control's cluster state: 1 shut down cleanly, 6 in production (not shut down). */
function clusterState(): number {
  return readFileSync(path.join(dir, "global", "pg_control")).readUInt32LE(16);
}

/** Runs the writer until it has committed `writes` times (after it got ready), then kills it. */
async function writeThenKill(writes: number): Promise<Written[]> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tests/support/pglite-writer.ts", dir],
    { cwd: ROOT, env: { ...process.env, TZ: "UTC" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  const written: Written[] = [];
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  let buffered = "";
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const enough = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      for (const line of lines) {
        const parsed = JSON.parse(line) as Written | { ready: true };
        if ("ready" in parsed) continue;
        written.push(parsed);
        // Killed right away: the next write is usually in the middle of its transaction.
        if (written.length === writes) child.kill("SIGKILL");
      }
    });
    child.on("exit", (code, signal) =>
      signal === "SIGKILL"
        ? resolve()
        : reject(new Error(`The writer exited (${code}): ${errors}`)),
    );
  });
  await enough;
  await exited;
  return written;
}

/** Opens the folder as the next process would and reads what must hold. */
async function inspect(expected: Written[]) {
  const unlock = lockPgliteDir(dir); // the killed writer's lock is stale: taken over
  const db = new PGlite(dir, { extensions: { amcheck } });
  try {
    await db.exec("CREATE EXTENSION IF NOT EXISTS amcheck");
    const rows = async <T>(sql: string, params: unknown[] = []) =>
      (await db.query<T>(sql, params)).rows;

    const indexes = await rows<{ name: string }>(
      `SELECT c.oid::regclass::text AS name FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am a ON a.oid = c.relam
        WHERE n.nspname = 'public' AND c.relkind = 'i' AND a.amname = 'btree'`,
    );
    expect(indexes.length).toBeGreaterThan(20);
    for (const { name } of indexes)
      await db.query("SELECT bt_index_check($1::regclass, true)", [name]);
    const tables = await rows<{ name: string }>(
      `SELECT c.oid::regclass::text AS name FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'`,
    );
    for (const { name } of tables) {
      const damage = await rows(`SELECT * FROM verify_heapam($1::regclass)`, [name]);
      expect(damage, `table ${name}`).toEqual([]);
    }

    // Every write reported committed survived.
    const releases = expected.flatMap((item) => ("release" in item ? [item.release] : []));
    const found = await rows<{ id: string }>(`SELECT id FROM releases WHERE id = ANY($1::uuid[])`, [
      releases,
    ]);
    expect(found).toHaveLength(releases.length);
    for (const item of expected) {
      if (!("signed" in item)) continue;
      const approvals = await rows(
        `SELECT 1 FROM approvals a JOIN stage_windows s ON s.id = a.stage_window_id
          WHERE s.release_id = $1 AND s.key = $2 AND a.user_id = $3 AND a.decision = 'APPROVE'`,
        [item.signed, item.key, item.by],
      );
      expect(approvals, `${item.key} of ${item.signed}`).toHaveLength(1);
    }

    // The workflow's rules hold for every stored release, whole transactions only.
    const broken = await rows<{ id: string; problem: string }>(
      `WITH stages AS (
         SELECT s.*, (SELECT count(*) FROM approvals a
                       WHERE a.stage_window_id = s.id AND a.round = s.approval_round
                         AND a.decision = 'APPROVE') AS approved,
                (SELECT count(*) FROM audit_events e
                  WHERE e.release_id = s.release_id AND e.stage_key = s.key
                    AND e.action = 'STAGE_APPROVED') AS approval_events,
                (SELECT count(*) FROM audit_events e
                  WHERE e.release_id = s.release_id AND e.stage_key = s.key
                    AND e.action = 'STAGE_SIGNED_OFF') AS signed_off_events,
                (SELECT count(*) FROM approvals a WHERE a.stage_window_id = s.id) AS approvals
           FROM stage_windows s)
       SELECT r.id, 'stages' AS problem FROM releases r
         LEFT JOIN stage_windows s ON s.release_id = r.id GROUP BY r.id HAVING count(s.id) <> 6
       UNION ALL
       SELECT r.id, 'created events' FROM releases r
        WHERE (SELECT count(*) FROM audit_events e
                WHERE e.release_id = r.id AND e.action = 'RELEASE_CREATED') <> 1
       UNION ALL
       SELECT release_id, 'signed off without its approvals' FROM stages
        WHERE (status = 'SIGNED_OFF') <> (approved >= approvals_required)
       UNION ALL
       SELECT release_id, 'approval without its audit event' FROM stages
        WHERE approvals <> approval_events
       UNION ALL
       SELECT release_id, 'sign-off without its audit event' FROM stages
        WHERE (status = 'SIGNED_OFF')::int <> signed_off_events
       UNION ALL
       SELECT later.release_id, 'signed off before an earlier stage' FROM stages later
         JOIN stages earlier ON earlier.release_id = later.release_id AND earlier.key < later.key
        WHERE later.status = 'SIGNED_OFF' AND earlier.status <> 'SIGNED_OFF'
       UNION ALL
       SELECT r.id, 'live without PROD' FROM releases r JOIN stage_windows p
           ON p.release_id = r.id AND p.key = 'PROD'
        WHERE (r.status = 'LIVE') <> (p.status = 'SIGNED_OFF')`,
    );
    expect(broken).toEqual([]);
    return {
      releases: Number(
        (await rows<{ n: number }>("SELECT count(*)::int AS n FROM releases"))[0]!.n,
      ),
    };
  } finally {
    await db.close();
    unlock();
  }
}

describe("the embedded database killed under write load", () => {
  it(`survives ${KILLS} kills: opens, no damage, every committed write kept, the rules hold`, async () => {
    const all: Written[] = [];
    const random = seededRandom("embedded-crash");
    for (let kill = 0; kill < KILLS; kill++) {
      const written = await writeThenKill(3 + Math.floor(random() * 12));
      expect(clusterState()).toBe(6); // killed, not shut down: the next open recovers from the WAL
      all.push(...written);
      const { releases } = await inspect(all);
      expect(releases).toBeGreaterThanOrEqual(all.filter((item) => "release" in item).length);
      expect(clusterState()).toBe(1);
    }
  }, 600_000);
});
