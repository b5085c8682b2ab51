import "server-only";

// PGlite has no lock of its own: two processes on one folder silently lose writes. Whoever opens
// the folder takes this lock first: atomically (the lock file is created exclusively), recording
// its pid and start time, so that a lock left by a killed process is recognised as stale even when
// the pid has been reused. `npm start` takes it for its whole life and hands it to the server it
// starts (PGLITE_LOCK_HOLDER); a plain `next start`, the scripts and the tests take their own.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

type Holder = { pid: number; startTime: string | null };

/** When a process started (Linux: /proc/<pid>/stat field 22), or null where that cannot be read. */
export function processStartTime(pid: number | "self" = "self"): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether the process that wrote the lock still runs (the same process, not a reused pid). */
function isRunning(holder: Holder): boolean {
  if (!isAlive(holder.pid)) return false;
  return holder.startTime === null || processStartTime(holder.pid) === holder.startTime;
}

function readHolder(file: string): Holder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<Holder>;
    return typeof parsed.pid === "number"
      ? { pid: parsed.pid, startTime: parsed.startTime ?? null }
      : null;
  } catch {
    return null;
  }
}

export function lockFileOf(dir: string): string {
  return path.join(dir, "..", `${path.basename(dir)}.lock`);
}

const self = (): Holder => ({ pid: process.pid, startTime: processStartTime() });
const isSame = (a: Holder, b: Holder) => a.pid === b.pid && a.startTime === b.startTime;

/** The holder this process inherited from the `npm start` that started it, if any. */
function inherited(): Holder | null {
  const value = process.env.PGLITE_LOCK_HOLDER;
  if (!value) return null;
  const [pid, startTime] = value.split(":");
  return { pid: Number(pid), startTime: startTime || null };
}

/** What a child process needs in its environment to use the lock this process holds. */
export function lockHolderEnv(): string {
  const { pid, startTime } = self();
  return `${pid}:${startTime ?? ""}`;
}

/**
 * Takes the folder's lock for this process, or throws when another running process holds it.
 * Re-entrant, and a child of the holder (PGLITE_LOCK_HOLDER) may use it: then the returned release
 * does nothing (the outer holder releases). A stale lock (its process gone) is taken over.
 */
export function lockPgliteDir(dir: string): () => void {
  const file = lockFileOf(dir);
  const me = self();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(me), { flag: "wx" });
      const release = () => {
        process.off("exit", release);
        const holder = readHolder(file);
        if (holder && isSame(holder, me)) rmSync(file, { force: true });
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readHolder(file);
    const parent = inherited();
    if (holder && (isSame(holder, me) || (parent && isSame(holder, parent)))) return () => {};
    if (holder && isRunning(holder)) {
      throw new Error(
        `The embedded database ${dir} is in use by another process (pid ${holder.pid}), probably a ` +
          `running Release Calendar. Stop it first: two processes on one PGlite folder lose data.`,
      );
    }
    // Stale: its process is gone (or the pid now names another process). Remove it and try again;
    // if another process takes it in between, the exclusive create fails and we look again.
    rmSync(file, { force: true });
  }
  throw new Error(
    `Could not take the lock of the embedded database ${dir}: another process raced for it.`,
  );
}
