// PGlite has no lock of its own: two processes on one folder silently lose writes. The scripts
// (start, migrate, seed) hold a lock file while they, or the server they started, use the folder.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the folder's lock for this process, or throws if another live process holds it. Re-entrant:
 * when this process holds it already, the returned release does nothing (the outer holder releases).
 */
export function lockPgliteDir(dir: string): () => void {
  const file = path.join(dir, "..", `${path.basename(dir)}.lock`);
  let holder: number | undefined;
  try {
    holder = Number(readFileSync(file, "utf8").trim());
  } catch {
    holder = undefined;
  }
  if (holder === process.pid) return () => {};
  if (holder && isAlive(holder)) {
    throw new Error(
      `The embedded database ${dir} is in use by another process (pid ${holder}), probably a running ` +
        `Release Calendar. Stop it first: two processes on one PGlite folder lose data.`,
    );
  }
  writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (Number(readFileSync(file, "utf8").trim()) === process.pid) rmSync(file);
    } catch {
      // already gone
    }
  };
}
