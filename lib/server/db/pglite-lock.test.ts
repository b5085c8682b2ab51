import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { lockFileOf, lockHolderEnv, lockPgliteDir, processStartTime } from "./pglite-lock";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const folder = () => path.join(mkdtempSync(path.join(tmpdir(), "pglite-lock-")), "db");
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  delete process.env.PGLITE_LOCK_HOLDER;
});

/** A process that stays alive, with its real start time. */
function sleeper(): { pid: number; startTime: string | null } {
  const child = spawn("sleep", ["30"]);
  children.push(child);
  return { pid: child.pid!, startTime: processStartTime(child.pid!) };
}

describe("lockPgliteDir", () => {
  it("creates the lock with this process' pid and start time, re-entrantly, and releases it", () => {
    const dir = folder();
    const release = lockPgliteDir(dir);
    const holder = JSON.parse(readFileSync(lockFileOf(dir), "utf8"));
    expect(holder).toEqual({ pid: process.pid, startTime: processStartTime() });
    expect(holder.startTime).toMatch(/^\d+$/); // Linux: read from /proc
    const inner = lockPgliteDir(dir);
    inner(); // the outer holder releases
    expect(existsSync(lockFileOf(dir))).toBe(true);
    release();
    expect(existsSync(lockFileOf(dir))).toBe(false);
  });

  it("refuses a folder another running process holds", () => {
    const dir = folder();
    writeFileSync(lockFileOf(dir), JSON.stringify(sleeper()));
    expect(() => lockPgliteDir(dir)).toThrow(/in use by another process/);
  });

  it("takes over a lock whose process is gone, or whose pid now names another process", () => {
    const gone = folder();
    const dead = spawnSync("true").pid;
    writeFileSync(lockFileOf(gone), JSON.stringify({ pid: dead, startTime: "1" }));
    lockPgliteDir(gone)();

    const reused = folder();
    writeFileSync(lockFileOf(reused), JSON.stringify({ ...sleeper(), startTime: "1" }));
    const release = lockPgliteDir(reused);
    expect(JSON.parse(readFileSync(lockFileOf(reused), "utf8")).pid).toBe(process.pid);
    release();
  });

  it("lets the server started by npm start use the lock npm start holds", () => {
    const dir = folder();
    const parent = sleeper();
    writeFileSync(lockFileOf(dir), JSON.stringify(parent));
    process.env.PGLITE_LOCK_HOLDER = `${parent.pid}:${parent.startTime}`;
    lockPgliteDir(dir)(); // no throw; the holder's lock stays
    expect(JSON.parse(readFileSync(lockFileOf(dir), "utf8")).pid).toBe(parent.pid);
    expect(lockHolderEnv()).toBe(`${process.pid}:${processStartTime()}`);
  });

  it("gives the lock to exactly one of several processes racing for it", async () => {
    const dir = folder();
    // The holder keeps the lock until this test closes its input: however slowly the others
    // start, they find it held.
    const script = `
      import { lockPgliteDir } from "./lib/server/db/pglite-lock.ts";
      try { lockPgliteDir(${JSON.stringify(dir)}); console.log("locked"); process.stdin.resume(); }
      catch { console.log("refused"); }`;
    const racers = Array.from({ length: 4 }, () => {
      const child = spawn("npx", ["tsx", "--conditions=react-server", "--eval", script], {
        cwd: ROOT,
      });
      children.push(child);
      let out = "";
      const said = new Promise<string>((resolve) =>
        child.stdout.on("data", (chunk) => {
          out += chunk;
          if (out.includes("\n")) resolve(out.trim());
        }),
      );
      const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
      return { child, said, exited };
    });
    const outputs = await Promise.all(racers.map((racer) => racer.said));
    expect(outputs.sort()).toEqual(["locked", "refused", "refused", "refused"]);
    for (const racer of racers) racer.child.stdin.end();
    await Promise.all(racers.map((racer) => racer.exited));
    expect(existsSync(lockFileOf(dir))).toBe(false); // released when the holder exited
  }, 60_000);
});
