import "server-only";

// The delivery worker of one app process: fans out new events, sends what is due, runs the daily
// jobs and keeps the stored forecasts fresh. Every instance runs one; they share the work through
// the database (SKIP LOCKED claims, the scheduled_runs key, the forecasts' advisory lock), so
// nothing is sent twice and nothing lives only in this process.
import { runPromotions } from "@/lib/server/gitops/promotions";
import { log } from "@/lib/server/log";
import { refreshStoredForecasts } from "@/lib/server/releases/stored-forecast";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { pruneUnmatchedSignals } from "@/lib/server/signals/intake";
import { companyToday } from "@/lib/server/today";
import { pruneSignInThrottle } from "@/lib/server/users/sign-in-throttle";
import { expireExceptions } from "@/lib/server/windows/exceptions";
import { pruneGateChecks } from "@/lib/server/windows/gate";

import { deliverDue } from "./deliver";
import { dispatchPending } from "./dispatch";
import { runDailyJobs } from "./schedule";

export type Worker = { stop: () => Promise<void> };

export type WorkerOptions = {
  /** Pause between rounds when there was nothing to do. */
  intervalMs?: number;
  /** How often the daily jobs are looked at. */
  scheduleEveryMs?: number;
  onError?: (error: unknown) => void;
};

/**
 * Once a minute besides the daily jobs: exceptions whose time is over end (announced once), old
 * sign-in counts and gate questions are forgotten.
 */
export async function runHousekeeping(now = new Date()): Promise<void> {
  await expireExceptions(now);
  await pruneSignInThrottle();
  await pruneGateChecks(now);
  await pruneUnmatchedSignals(now);
}

/** One round: dispatch, deliver, promote, until all are idle; answers whether anything was done. */
export async function runOnce(): Promise<boolean> {
  const dispatched = await dispatchPending();
  const delivered = await deliverDue();
  const promoted = await runPromotions();
  return dispatched + delivered + promoted > 0;
}

export function startWorker(options: WorkerOptions = {}): Worker {
  const intervalMs = options.intervalMs ?? 1000;
  const scheduleEveryMs = options.scheduleEveryMs ?? 60_000;
  const onError =
    options.onError ?? ((error) => log().error({ err: error }, "notification worker"));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastSchedule = 0;
  let current: Promise<void> = Promise.resolve();

  const round = async () => {
    let busy = false;
    try {
      if (Date.now() - lastSchedule >= scheduleEveryMs) {
        lastSchedule = Date.now();
        await runDailyJobs();
        await runHousekeeping();
        // Keeps the stored forecasts fresh in the background: after midnight or a calendar
        // change, the first person to open a view does not pay for recomputing them.
        const { companyTimeZone } = await getPlanningSettings();
        await refreshStoredForecasts(companyToday(companyTimeZone));
      }
      busy = await runOnce();
    } catch (error) {
      onError(error);
    }
    if (!stopped) timer = setTimeout(tick, busy ? 0 : intervalMs);
  };
  const tick = () => {
    current = round();
  };
  timer = setTimeout(tick, 0);

  return {
    /** Stops taking new work and waits for the round in flight. */
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
